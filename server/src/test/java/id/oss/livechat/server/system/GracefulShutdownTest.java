package id.oss.livechat.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.OwnNode;
import id.oss.livechat.server.support.Visitor;
import java.util.UUID;
import org.junit.jupiter.api.Test;
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
}
