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
import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.model.staff.Agent;
import id.oss.livechat.model.staff.LoginResponse;
import id.oss.livechat.model.visitor.ContactRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A shift longer than a token, against the real server with {@code JWT_EXPIRES_IN=5s}: the desk
 * renews its token before it expires without asking the agent, on the socket it has. The chat it
 * serves goes on: no second sign-in (so nothing reloads), never a 4401, a message sent right after
 * the renewal reaches the visitor, and the visitor's message after two token lifetimes arrives
 * once.
 */
class TokenRenewalEndToEndTest {
    private static final Duration LIFETIME = Duration.ofSeconds(5);

    @Test
    void theDeskKeepsServingItsChatPastItsFirstTokensExpiry() {
        // one "UI thread" at a time, as on JavaFX
        UiThread ui =
                action -> {
                    synchronized (TokenRenewalEndToEndTest.class) {
                        action.run();
                    }
                };
        try (RealServer server =
                        RealServer.start("--JWT_EXPIRES_IN=" + LIFETIME.toSeconds() + "s");
                ExecutorScheduler scheduler = new ExecutorScheduler(ui);
                ExecutorBackground background = new ExecutorBackground(ui);
                VisitorClient visitor = new VisitorClient(server.address())) {
            ServerAdmin admin = new ServerAdmin(server.address());
            UUID department = admin.department("Perpanjangan");
            Agent rina = admin.agent("Rina Renewal", 3, department);
            ServerAddress address = ServerAddress.parse(server.address()).orElseThrow();
            HttpStaffApi api = new HttpStaffApi(address);
            LoginResponse login = api.login(rina.username(), ServerAdmin.AGENT_PASSWORD);
            Instant firstExpiry = Instant.now().plus(LIFETIME);

            LiveLink link =
                    new LiveLink(new TyrusChatConnection(), new ReconnectPolicy(), scheduler, ui);
            List<LinkState> states = new CopyOnWriteArrayList<>();
            link.stateProperty().addListener((obs, old, now) -> states.add(now));
            List<ServerFrame> frames = new CopyOnWriteArrayList<>();
            link.onFrame(frames::add);
            AtomicInteger signIns = new AtomicInteger();
            link.onConnected(signIns::incrementAndGet);
            AtomicInteger renewals = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            List<Boolean> sentRightAfterRenewal = new CopyOnWriteArrayList<>();
            AtomicReference<UUID> chat = new AtomicReference<>();
            TokenRenewal renewal =
                    new TokenRenewal(
                            api,
                            background,
                            scheduler,
                            token -> {
                                link.useToken(token);
                                renewals.incrementAndGet();
                                if (chat.get() != null && sentRightAfterRenewal.isEmpty()) {
                                    // the agent types on, unaware of the renewal
                                    sentRightAfterRenewal.add(
                                            link.send(
                                                    new ClientFrame.MessageSend(
                                                            chat.get(),
                                                            "a-renewed",
                                                            "Baik, saya periksa dulu")));
                                }
                            },
                            refused::incrementAndGet);
            // as the desk does: the socket and the renewal start with the sign-in
            ui.run(
                    () -> {
                        link.start(address.agentSocket(), login.accessToken());
                        renewal.start(login.expiresIn());
                    });
            await().atMost(Duration.ofSeconds(20)).until(link::isConnected);
            api.setStatus(AgentStatus.ONLINE);

            visitor.start("Perpanjangan izin", department, contact()).connect();
            UUID session = visitor.sessionId();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> frames.stream().anyMatch(f -> isAssigned(f, session)));
            chat.set(session);

            visitor.await(
                    ServerFrame.MessageNew.class, m -> m.text().equals("Baik, saya periksa dulu"));
            assertThat(sentRightAfterRenewal).containsExactly(true);

            // two token lifetimes later the same socket still serves the chat
            await().atMost(Duration.ofSeconds(40))
                    .until(
                            () ->
                                    Instant.now().isAfter(firstExpiry.plus(LIFETIME))
                                            && renewals.get() >= 2);
            visitor.say("Halo, masih di sana?");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> messagesSaying(frames, "Halo, masih di sana?") >= 1);

            assertThat(messagesSaying(frames, "Halo, masih di sana?")).as("once").isEqualTo(1);
            assertThat(signIns.get()).as("signed in once, never reloaded").isEqualTo(1);
            assertThat(states).containsExactly(LinkState.CONNECTING, LinkState.CONNECTED);
            assertThat(link.rejectedBecause()).isNull();
            assertThat(refused.get()).isZero();
            assertThat(api.waiting()).as("REST calls carry the renewed token").isNotNull();
            ui.run(
                    () -> {
                        renewal.stop();
                        link.stop();
                    });
        }
    }

    private static boolean isAssigned(ServerFrame frame, UUID session) {
        return frame instanceof ServerFrame.SessionUpdated u
                && u.sessionId().equals(session)
                && u.status() == SessionStatus.ACTIVE;
    }

    private static long messagesSaying(List<ServerFrame> frames, String text) {
        return frames.stream()
                .filter(f -> f instanceof ServerFrame.MessageNew m && m.text().equals(text))
                .count();
    }

    private static ContactRequest contact() {
        return new ContactRequest(
                null,
                "Siti Rahmawati",
                "siti@majubersama.co.id",
                "+6281234567890",
                "Direktur",
                "PT Maju Bersama");
    }
}
