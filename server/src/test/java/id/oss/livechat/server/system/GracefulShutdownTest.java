package id.oss.livechat.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.LiveChatServer;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.TestDatabase;
import id.oss.livechat.server.support.Visitor;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.CloseStatus;

/**
 * A node that stops (SIGTERM runs the same context close) tells its sockets it is going away
 * (1001), so clients reconnect to another node at once; what it acknowledged is stored.
 */
class GracefulShutdownTest {

    @Test
    void stoppingClosesSocketsWithGoingAway() {
        TestDatabase.useForApplications();
        ConfigurableApplicationContext app =
                new SpringApplicationBuilder(LiveChatServer.class)
                        .run(
                                "--LIVECHAT_DEMO=true",
                                "--DEMO_PASSWORD=" + ServerTest.DEMO_PASSWORD,
                                "--server.port=0");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        WebTestClient http =
                WebTestClient.bindToServer()
                        .baseUrl("http://localhost:" + port)
                        .responseTimeout(Duration.ofSeconds(30))
                        .build();
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

        app.close();

        assertThat(socket.awaitClosed().getCode()).isEqualTo(CloseStatus.GOING_AWAY.getCode());
        assertThat(ack.seq()).isPositive();
    }
}
