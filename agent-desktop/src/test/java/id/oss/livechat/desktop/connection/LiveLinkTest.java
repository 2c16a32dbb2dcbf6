package id.oss.livechat.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.testing.DemoData;
import id.oss.livechat.desktop.testing.FakeChatConnection;
import id.oss.livechat.desktop.testing.ManualScheduler;
import id.oss.livechat.desktop.util.UiThread;
import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.FrameTypes;
import id.oss.livechat.model.realtime.ServerFrame;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveLinkTest {
    private static final URI ENDPOINT = URI.create("ws://localhost:8080/ws/agent");

    private final FakeChatConnection socket = new FakeChatConnection();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<ServerFrame> frames = new ArrayList<>();
    private int connects;
    private LiveLink link;

    @BeforeEach
    void setUp() {
        link =
                new LiveLink(
                        socket, new ReconnectPolicy(() -> 0.5), scheduler, UiThread.sameThread());
        link.onFrame(frames::add);
        link.onConnected(() -> connects++);
        link.start(ENDPOINT, "token-agent1");
    }

    @Test
    void theTokenGoesInTheFirstFrameNotInTheUrl() {
        socket.accept();

        assertThat(socket.openAttempts()).containsExactly(ENDPOINT);
        assertThat(socket.sent()).containsExactly(new ClientFrame.Auth("token-agent1"));
        assertThat(link.state()).isEqualTo(LinkState.CONNECTING);
    }

    @Test
    void authOkConnectsAndFramesFlowOnlyThen() {
        socket.accept();
        assertThat(link.send(new ClientFrame.Ping())).isFalse();

        socket.push(new ServerFrame.AuthOk(null, DemoData.AGENT));
        socket.push(new ServerFrame.Pong());

        assertThat(link.state()).isEqualTo(LinkState.CONNECTED);
        assertThat(connects).isEqualTo(1);
        assertThat(frames).containsExactly(new ServerFrame.Pong());
        assertThat(link.send(new ClientFrame.Ping())).isTrue();
    }

    @Test
    void aDroppedSocketReconnectsAfterABackOffThatGrowsWhileTheServerStaysDown() {
        socket.acceptAndAuthenticate();

        socket.drop(ChatConnection.CLOSE_GOING_AWAY);
        assertThat(link.state()).isEqualTo(LinkState.RECONNECTING);
        assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(1));

        scheduler.runOneOffs();
        socket.refuse();
        assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(2));
        scheduler.runOneOffs();
        socket.refuse();
        assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(4));

        scheduler.runOneOffs();
        socket.acceptAndAuthenticate();
        assertThat(link.state()).isEqualTo(LinkState.CONNECTED);
        assertThat(connects).isEqualTo(2);
        assertThat(socket.openAttempts()).hasSize(4);

        socket.drop(ChatConnection.CLOSE_ABNORMAL);
        assertThat(scheduler.pendingDelays())
                .as("a successful connect starts the back-off over")
                .containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void afterSignOutNothingReconnectsEvenWhenTheSocketReportsItsCloseLate() {
        socket.acceptAndAuthenticate();

        link.stop();
        socket.drop(ChatConnection.CLOSE_ABNORMAL);

        assertThat(link.state()).isEqualTo(LinkState.OFFLINE);
        assertThat(scheduler.pendingDelays()).isEmpty();
        assertThat(socket.closedByClient()).isEqualTo(1);
        assertThat(socket.openAttempts()).hasSize(1);
    }

    @Test
    void signOutDuringTheBackOffCancelsTheRetry() {
        socket.acceptAndAuthenticate();
        socket.drop(ChatConnection.CLOSE_GOING_AWAY);

        link.stop();
        scheduler.runOneOffs();

        assertThat(socket.openAttempts()).hasSize(1);
    }

    @Test
    void aRefusedTokenStopsRetrying() {
        socket.accept();
        socket.push(new ServerFrame.Error("unauthorized", "bad token", FrameTypes.AUTH));
        socket.drop(FrameTypes.CLOSE_UNAUTHORIZED);

        assertThat(link.state()).isEqualTo(LinkState.REJECTED);
        assertThat(scheduler.pendingDelays()).isEmpty();
    }

    @Test
    void aRenewedTokenGoesOnTheSocketItHasAndNothingReloads() {
        socket.acceptAndAuthenticate();

        link.useToken("token-renewed");
        // frames sent right after the renewal go out on the same socket
        assertThat(link.send(new ClientFrame.Ping())).isTrue();
        socket.push(new ServerFrame.AuthOk(null, DemoData.AGENT));
        socket.push(new ServerFrame.Pong());

        assertThat(socket.openAttempts()).as("no second socket").hasSize(1);
        assertThat(socket.sent())
                .containsExactly(
                        new ClientFrame.Auth("token-agent1"),
                        new ClientFrame.Auth("token-renewed"),
                        new ClientFrame.Ping());
        assertThat(link.state()).isEqualTo(LinkState.CONNECTED);
        assertThat(connects).as("listeners reload nothing").isEqualTo(1);
        assertThat(frames).containsExactly(new ServerFrame.Pong());
    }

    @Test
    void aTokenRenewedWhileTheSocketSignsInIsSentOnceItIsIn() {
        socket.accept();
        link.useToken("token-renewed");
        assertThat(socket.sent()).containsExactly(new ClientFrame.Auth("token-agent1"));

        socket.push(new ServerFrame.AuthOk(null, DemoData.AGENT));

        assertThat(socket.sent())
                .containsExactly(
                        new ClientFrame.Auth("token-agent1"),
                        new ClientFrame.Auth("token-renewed"));
        assertThat(connects).isEqualTo(1);
    }

    @Test
    void anExpiryThatCrossesTheRenewalReconnectsWithTheNewTokenInsteadOfSigningOut() {
        socket.acceptAndAuthenticate();
        link.useToken("token-renewed");

        // the old token ran out before the server read the renewal
        socket.drop(FrameTypes.CLOSE_UNAUTHORIZED, FrameTypes.REVOKED_TOKEN_EXPIRED);
        assertThat(link.state()).isEqualTo(LinkState.RECONNECTING);
        scheduler.runOneOffs();
        socket.clearSent();
        socket.acceptAndAuthenticate();

        assertThat(socket.sent()).containsExactly(new ClientFrame.Auth("token-renewed"));
        assertThat(link.state()).isEqualTo(LinkState.CONNECTED);
    }

    @Test
    void aRenewedTokenThatExpiresInItsTurnEndsTheShift() {
        socket.acceptAndAuthenticate();
        link.useToken("token-renewed");
        socket.push(new ServerFrame.AuthOk(null, DemoData.AGENT));

        socket.drop(FrameTypes.CLOSE_UNAUTHORIZED, FrameTypes.REVOKED_TOKEN_EXPIRED);

        assertThat(link.state()).isEqualTo(LinkState.REJECTED);
        assertThat(link.rejectedBecause()).isEqualTo(FrameTypes.REVOKED_TOKEN_EXPIRED);
        assertThat(scheduler.pendingDelays()).isEmpty();
    }

    @Test
    void unknownFramesAndMalformedJsonAreSkipped() {
        socket.acceptAndAuthenticate();

        socket.pushRaw("{\"type\":\"brand.new.feature\",\"x\":1}");
        socket.pushRaw("<html>proxy error</html>");
        socket.push(new ServerFrame.Pong());

        assertThat(frames).containsExactly(new ServerFrame.Pong());
        assertThat(link.state()).isEqualTo(LinkState.CONNECTED);
    }

    @Test
    void aConnectedSocketIsKeptAliveWithPingsUntilItDrops() {
        socket.acceptAndAuthenticate();
        socket.clearSent();

        scheduler.runRepeatingOnce();
        assertThat(socket.sent()).containsExactly(new ClientFrame.Ping());

        socket.drop(ChatConnection.CLOSE_ABNORMAL);
        assertThat(scheduler.repeatingCount()).isZero();
        scheduler.runOneOffs();
        socket.acceptAndAuthenticate();
        assertThat(scheduler.repeatingCount()).isOne();

        link.stop();
        assertThat(scheduler.repeatingCount()).isZero();
    }

    @Test
    void aListenerThatFailsDoesNotStopTheOthers() {
        link.onFrame(
                frame -> {
                    throw new IllegalStateException("boom");
                });
        List<ServerFrame> later = new ArrayList<>();
        link.onFrame(later::add);
        socket.acceptAndAuthenticate();

        socket.push(new ServerFrame.Pong());

        assertThat(later).containsExactly(new ServerFrame.Pong());
    }
}
