package id.oss.livechat.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.desktop.util.ExecutorScheduler;
import id.oss.livechat.desktop.util.UiThread;
import id.oss.livechat.model.realtime.ClientFrame;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.tyrus.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Tyrus adapter, and the link on top of it, against a real WebSocket server. */
class TyrusChatConnectionTest {
    private Server server;
    private URI endpoint;

    /** Plays the staff socket: answers auth with auth.ok, "drop" with a server going away. */
    @ServerEndpoint("/ws/agent")
    public static class AgentEndpoint {
        static final List<String> received = new CopyOnWriteArrayList<>();
        static final List<Session> open = new CopyOnWriteArrayList<>();
        static final AtomicInteger connections = new AtomicInteger();

        @OnOpen
        public void opened(Session session) {
            connections.incrementAndGet();
            open.add(session);
        }

        @OnClose
        public void closed(Session session) {
            open.remove(session);
        }

        @OnMessage
        public void message(Session session, String text) throws IOException {
            received.add(text);
            if (text.contains("\"type\":\"auth\"")) {
                session.getBasicRemote().sendText("{\"type\":\"auth.ok\",\"user\":null}");
            }
        }
    }

    @BeforeEach
    void start() throws Exception {
        AgentEndpoint.received.clear();
        AgentEndpoint.open.clear();
        AgentEndpoint.connections.set(0);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        server = new Server("127.0.0.1", port, "/", Map.of(), AgentEndpoint.class);
        server.start();
        endpoint = URI.create("ws://127.0.0.1:" + port + "/ws/agent");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static void serverGoesAway() throws IOException {
        for (Session session : AgentEndpoint.open) {
            AgentEndpoint.open.remove(session);
            session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "restart"));
        }
    }

    @Test
    void textFramesTravelBothWaysAndAServerCloseIsReportedWithItsCode() throws IOException {
        List<String> texts = new CopyOnWriteArrayList<>();
        List<Integer> closes = new CopyOnWriteArrayList<>();
        TyrusChatConnection connection = new TyrusChatConnection();
        connection.open(
                endpoint,
                new ChatConnection.Listener() {
                    @Override
                    public void onOpen() {
                        connection.send("{\"type\":\"auth\",\"token\":\"t\"}");
                    }

                    @Override
                    public void onText(String text) {
                        texts.add(text);
                    }

                    @Override
                    public void onClosed(int code, String reason) {
                        closes.add(code);
                    }
                });

        await().atMost(Duration.ofSeconds(10)).until(() -> !texts.isEmpty());
        assertThat(texts).containsExactly("{\"type\":\"auth.ok\",\"user\":null}");

        serverGoesAway();
        await().atMost(Duration.ofSeconds(10)).until(() -> !closes.isEmpty());
        assertThat(closes).containsExactly(ChatConnection.CLOSE_GOING_AWAY);
        assertThat(connection.send("late")).isFalse();
    }

    @Test
    void noServerIsAnAbnormalClose() throws IOException {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            freePort = probe.getLocalPort();
        }
        List<Integer> closes = new CopyOnWriteArrayList<>();
        new TyrusChatConnection()
                .open(
                        URI.create("ws://127.0.0.1:" + freePort + "/ws/agent"),
                        new ChatConnection.Listener() {
                            @Override
                            public void onOpen() {}

                            @Override
                            public void onText(String text) {}

                            @Override
                            public void onClosed(int code, String reason) {
                                closes.add(code);
                            }
                        });

        await().atMost(Duration.ofSeconds(15)).until(() -> !closes.isEmpty());
        assertThat(closes).containsExactly(ChatConnection.CLOSE_ABNORMAL);
    }

    @Test
    void theLinkReconnectsAndAuthenticatesAgainAfterTheServerWentAway() throws IOException {
        // one "UI thread" at a time, as on JavaFX
        UiThread ui =
                action -> {
                    synchronized (TyrusChatConnectionTest.class) {
                        action.run();
                    }
                };
        try (ExecutorScheduler scheduler = new ExecutorScheduler(ui)) {
            LiveLink link =
                    new LiveLink(new TyrusChatConnection(), new ReconnectPolicy(), scheduler, ui);
            AtomicInteger connected = new AtomicInteger();
            link.onConnected(connected::incrementAndGet);
            ui.run(() -> link.start(endpoint, "token-agent1"));
            await().atMost(Duration.ofSeconds(10)).until(() -> connected.get() == 1);

            serverGoesAway();

            await().atMost(Duration.ofSeconds(15)).until(() -> connected.get() == 2);
            assertThat(AgentEndpoint.connections).hasValue(2);
            assertThat(AgentEndpoint.received)
                    .containsExactly(
                            "{\"type\":\"auth\",\"token\":\"token-agent1\"}",
                            "{\"type\":\"auth\",\"token\":\"token-agent1\"}");
            java.util.concurrent.atomic.AtomicBoolean pinged =
                    new java.util.concurrent.atomic.AtomicBoolean();
            ui.run(() -> pinged.set(link.send(new ClientFrame.Ping())));
            assertThat(pinged).isTrue();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> AgentEndpoint.received.contains("{\"type\":\"ping\"}"));

            ui.run(link::stop);
            await().atMost(Duration.ofSeconds(10)).until(AgentEndpoint.open::isEmpty);
            assertThat(link.state()).isEqualTo(LinkState.OFFLINE);
        }
    }
}
