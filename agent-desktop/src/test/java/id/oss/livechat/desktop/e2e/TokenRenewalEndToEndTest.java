package id.oss.livechat.desktop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.desktop.connection.HttpStaffApi;
import id.oss.livechat.desktop.connection.LinkState;
import id.oss.livechat.desktop.connection.LiveLink;
import id.oss.livechat.desktop.connection.ReconnectPolicy;
import id.oss.livechat.desktop.connection.ServerAddress;
import id.oss.livechat.desktop.connection.TyrusChatConnection;
import id.oss.livechat.desktop.login.TokenRenewal;
import id.oss.livechat.desktop.util.ExecutorBackground;
import id.oss.livechat.desktop.util.ExecutorScheduler;
import id.oss.livechat.desktop.util.UiThread;
import id.oss.livechat.model.staff.LoginResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A shift longer than a token, against the real server with {@code JWT_EXPIRES_IN=4s}: the desktop
 * renews its token before it expires without asking the agent, its socket stays signed in (never a
 * 4401), and REST calls keep working well past the first token's expiry.
 */
class TokenRenewalEndToEndTest {

    @Test
    void theDeskStaysSignedInPastItsFirstTokensExpiry() {
        // one "UI thread" at a time, as on JavaFX
        UiThread ui =
                action -> {
                    synchronized (TokenRenewalEndToEndTest.class) {
                        action.run();
                    }
                };
        try (RealServer server = RealServer.start("--JWT_EXPIRES_IN=4s");
                ExecutorScheduler scheduler = new ExecutorScheduler(ui);
                ExecutorBackground background = new ExecutorBackground(ui)) {
            HttpStaffApi api =
                    new HttpStaffApi(ServerAddress.parse(server.address()).orElseThrow());
            LoginResponse login = api.login("agent1", RealServer.PASSWORD);
            Instant firstExpiry = Instant.now().plusSeconds(login.expiresIn());
            LiveLink link =
                    new LiveLink(new TyrusChatConnection(), new ReconnectPolicy(), scheduler, ui);
            List<LinkState> states = new CopyOnWriteArrayList<>();
            link.stateProperty().addListener((obs, old, now) -> states.add(now));
            AtomicInteger connected = new AtomicInteger();
            link.onConnected(connected::incrementAndGet);
            TokenRenewal renewal = new TokenRenewal(api, background, scheduler, link::useToken);
            ui.run(
                    () -> {
                        link.start(
                                ServerAddress.parse(server.address()).orElseThrow().agentSocket(),
                                login.accessToken());
                        renewal.start(login.expiresIn());
                    });

            // two token lifetimes later: still connected, signed in with a renewed token
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    Instant.now().isAfter(firstExpiry.plusSeconds(4))
                                            && link.isConnected()
                                            && connected.get() >= 2);
            assertThat(states).doesNotContain(LinkState.REJECTED);
            assertThat(link.rejectedBecause()).isNull();
            assertThat(api.waiting()).as("REST calls carry the renewed token").isNotNull();
            ui.run(
                    () -> {
                        renewal.stop();
                        link.stop();
                    });
        }
    }
}
