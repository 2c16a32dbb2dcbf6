package id.oss.livechat.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.OwnNode;
import id.oss.livechat.server.support.Visitor;
import io.r2dbc.pool.ConnectionPool;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.CloseStatus;

/**
 * A node that stops (SIGTERM runs the same context close) tells its sockets it is going away
 * (1001), so clients reconnect to another node at once; what it acknowledged is stored.
 */
class GracefulShutdownTest {

    @Test
    void stoppingClosesSocketsWithGoingAway() {
        OwnNode node = OwnNode.start();
        int port = node.port();
        WebTestClient http = node.http();
        Visitor.Session session = new Visitor(http).start("Izin usaha");
        ChatSocket socket = ChatSocket.signedIn(port, "/ws/visitor", session.token());
        String clientMsgId = UUID.randomUUID().toString();
        socket.send(
                new ClientFrame.MessageSend(
                        UUID.fromString(session.id()),
                        clientMsgId,
                        "Halo, sebelum server berhenti"));
        ServerFrame.MessageAck ack =
                socket.await(
                        ServerFrame.MessageAck.class, a -> a.clientMsgId().equals(clientMsgId));

        node.close();

        assertThat(socket.awaitClosed().getCode()).isEqualTo(CloseStatus.GOING_AWAY.getCode());
        assertThat(ack.seq()).isPositive();
    }

    @Test
    void aRequestCaughtByTheStopIsToldToComeBackNotThatTheServerFailed() {
        OwnNode node = OwnNode.start();
        try {
            Visitor.Session session = new Visitor(node.http()).start("Izin usaha");
            ConfigurableApplicationContext context = node.context();
            // the stop begins (a closing context first says so), and the database pool closes
            // under the requests still coming in, as it does while the web server drains
            context.publishEvent(new ContextClosedEvent(context));
            context.getBean(ConnectionPool.class).dispose();

            node.http()
                    .get()
                    .uri("/api/oss-chat/session/{id}", session.id())
                    .headers(h -> h.setBearerAuth(session.token()))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .valueEquals("Retry-After", "5")
                    .expectBody()
                    .jsonPath("$.error")
                    .isEqualTo("unavailable")
                    .jsonPath("$.message")
                    .isEqualTo("The server is restarting; please try again in a moment.");
        } finally {
            node.close();
        }
    }
}
