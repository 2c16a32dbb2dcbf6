package id.oss.livechat.server.protection;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.EdgeTest;
import id.oss.livechat.server.support.StaffFixture;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The chat sockets at their defaults, on a production server behind an ingress: opens per address
 * are limited, pings are limited like other signals, an oversized frame closes the socket with
 * 1009, and text with control characters is refused frame by frame.
 */
class SocketLimitsTest extends EdgeTest {

    /** A started chat: its id and its visitor token. */
    private record Chat(UUID id, String token) {}

    private Chat startChat(String address) {
        UUID department = new StaffFixture(db, direct()).department();
        Map<?, ?> started =
                citizen(address)
                        .post()
                        .uri("/api/oss-chat/start")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(
                                Map.of(
                                        "browser_uuid", UUID.randomUUID().toString(),
                                        "topic", "Izin usaha",
                                        "department_id", department.toString()))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        return new Chat(
                UUID.fromString((String) started.get("session_id")),
                (String) started.get("visitor_token"));
    }

    private ChatSocket signedIn(String address, Chat chat) {
        ChatSocket socket = citizenSocket(address, "/ws/visitor");
        socket.send(new ClientFrame.Auth(chat.token()));
        socket.await(ServerFrame.AuthOk.class, f -> true);
        return socket;
    }

    /** A handshake as a script sends it: the request alone, answered before any upgrade. */
    private static EntityExchangeResult<String> handshake(WebTestClient client) {
        return client.get()
                .uri("/ws/visitor")
                .header("Upgrade", "websocket")
                .header("Connection", "Upgrade")
                .header("Sec-WebSocket-Version", "13")
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }

    @Test
    void socketOpensPerAddressAreLimitedWhileAnotherAddressStillConnects() {
        WebTestClient script = citizen(freshAddress());
        int opened = 0;
        EntityExchangeResult<String> answer = handshake(script);
        while (answer.getStatus().value() != 429 && opened < 1000) {
            opened++;
            answer = handshake(script);
        }
        assertThat(answer.getStatus().value()).as(answer.getResponseBody()).isEqualTo(429);
        assertThat(answer.getResponseBody()).contains("\"rate_limited\"");
        assertThat(Long.parseLong(answer.getResponseHeaders().getFirst("Retry-After")))
                .isBetween(1L, 60L);
        // 300 at once, refilled at five a second while the flood runs
        assertThat(opened).isBetween(300, 450);

        String other = freshAddress();
        try (ChatSocket neighbour = signedIn(other, startChat(other))) {
            neighbour.send(new ClientFrame.Ping());
            neighbour.await(ServerFrame.Pong.class, f -> true);
        }
    }

    @Test
    void pingsAreLimitedLikeOtherSignals() {
        String address = freshAddress();
        try (ChatSocket socket = signedIn(address, startChat(address))) {
            for (int i = 0; i < 200; i++) {
                socket.send(new ClientFrame.Ping());
            }
            ServerFrame.Error refused =
                    socket.await(ServerFrame.Error.class, e -> e.code().equals("rate_limited"));
            assertThat(refused.ref()).isEqualTo("ping");
            // the socket stays open and answers again once the flood is over
            Awaitility.await()
                    .atMost(ChatSocket.WAIT)
                    .untilAsserted(
                            () ->
                                    assertThat(
                                                    socket.all(ServerFrame.Pong.class).size()
                                                            + socket.all(ServerFrame.Error.class)
                                                                    .size())
                                            .isEqualTo(200));
            assertThat(socket.all(ServerFrame.Pong.class).size()).isLessThan(200);
            assertThat(socket.isClosed()).isFalse();
        }
    }

    @Test
    void aFrameOverThirtyTwoKibibytesClosesTheSocketWith1009AndTheLongestMessageFits() {
        String address = freshAddress();
        Chat chat = startChat(address);
        try (ChatSocket socket = signedIn(address, chat)) {
            // the longest message, every character written as a six-byte escape: 24,000 bytes
            String escaped = "\\u00e9".repeat(4000);
            socket.sendRaw(
                    "{\"type\":\"message.send\",\"session_id\":\""
                            + chat.id()
                            + "\",\"client_msg_id\":\"long\",\"text\":\""
                            + escaped
                            + "\"}");
            socket.await(ServerFrame.MessageAck.class, a -> a.clientMsgId().equals("long"));
        }
        try (ChatSocket socket = signedIn(address, chat)) {
            socket.sendRaw(
                    "{\"type\":\"message.send\",\"session_id\":\""
                            + chat.id()
                            + "\",\"client_msg_id\":\"huge\",\"text\":\""
                            + "a".repeat(40_000)
                            + "\"}");
            assertThat(socket.awaitClosed().getCode()).isEqualTo(1009);
        }
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_messages WHERE session_id = '"
                                        + chat.id()
                                        + "'"))
                .isEqualTo(1);
    }

    @Test
    void controlCharactersInASentMessageAreRefusedWithAnErrorFrameAndNothingIsStored() {
        String address = freshAddress();
        Chat chat = startChat(address);
        try (ChatSocket socket = signedIn(address, chat)) {
            for (String bad : List.of("a\u0000b", "bel\u0007", "esc\u001b[31m", "del\u007f")) {
                String id = "c" + Integer.toHexString(bad.hashCode());
                socket.send(new ClientFrame.MessageSend(chat.id(), id, bad));
                ServerFrame.Error refused =
                        socket.await(ServerFrame.Error.class, e -> id.equals(e.ref()));
                assertThat(refused.code()).isEqualTo("validation_failed");
                assertThat(refused.message()).contains("text");
            }
            // line breaks and tabs are text; the socket is still open for them
            socket.send(new ClientFrame.MessageSend(chat.id(), "ok", "baris satu\n\tbaris dua"));
            socket.await(ServerFrame.MessageAck.class, a -> a.clientMsgId().equals("ok"));
        }
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_messages WHERE session_id = '"
                                        + chat.id()
                                        + "'"))
                .isEqualTo(1);
    }
}
