package id.oss.livechat.server.protection;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.EdgeTest;
import id.oss.livechat.server.support.StaffFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.CloseStatus;

/**
 * The chat sockets at their defaults, on a production server behind an ingress: opens per address
 * are limited, so are the sockets one address holds open (visitor and staff apart), pings are
 * limited like other signals, an oversized frame closes the socket with 1009, and text with control
 * characters is refused frame by frame.
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

    /** The default caps (README, "Security"). */
    private static final int VISITOR_SOCKETS_PER_ADDRESS = 100;

    private static final int STAFF_SOCKETS_PER_ADDRESS = 100;

    /**
     * Opens {@code count} sockets from {@code address} and signs each in with {@code token}: all
     * opened first, then awaited, so they sign in side by side.
     */
    private List<ChatSocket> signedIn(String address, String path, String token, int count) {
        List<ChatSocket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ChatSocket socket = citizenSocket(address, path);
            socket.send(new ClientFrame.Auth(token));
            sockets.add(socket);
        }
        // one wait for all of them: a hundred awaits one after the other each began with
        // Awaitility's 100 ms poll delay, ten seconds for frames that had long arrived
        Awaitility.await()
                .atMost(ChatSocket.WAIT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(
                        () ->
                                assertThat(sockets)
                                        .as("every socket signed in")
                                        .allMatch(s -> !s.all(ServerFrame.AuthOk.class).isEmpty()));
        return sockets;
    }

    /** One more socket from {@code address}: once it has signed in, or been closed. */
    private ChatSocket attempt(String address, String path, String token) {
        ChatSocket socket = citizenSocket(address, path);
        socket.send(new ClientFrame.Auth(token));
        Awaitility.await()
                .atMost(ChatSocket.WAIT)
                .until(() -> socket.isClosed() || !socket.all(ServerFrame.AuthOk.class).isEmpty());
        return socket;
    }

    private static void closeAll(List<ChatSocket> sockets) {
        sockets.forEach(ChatSocket::close);
    }

    @Test
    void anAddressHoldsAtMostAHundredVisitorSocketsAndClosingOneLetsANewOneIn() {
        String address = freshAddress();
        Chat chat = startChat(address);
        List<ChatSocket> open =
                signedIn(address, "/ws/visitor", chat.token(), VISITOR_SOCKETS_PER_ADDRESS);
        try {
            ChatSocket refused = attempt(address, "/ws/visitor", chat.token());
            open.add(refused);
            CloseStatus status = refused.awaitClosed();
            assertThat(status.getCode()).isEqualTo(4429);
            assertThat(status.getReason()).contains("too many chat sockets");
            assertThat(refused.all(ServerFrame.AuthOk.class)).isEmpty();
            // the sockets already open are untouched
            ChatSocket first = open.get(0);
            first.send(new ClientFrame.Ping());
            first.await(ServerFrame.Pong.class, p -> true);
            assertThat(open.subList(0, VISITOR_SOCKETS_PER_ADDRESS))
                    .noneMatch(ChatSocket::isClosed);

            // a neighbour at another address still connects
            String other = freshAddress();
            try (ChatSocket neighbour = signedIn(other, startChat(other))) {
                neighbour.send(new ClientFrame.Ping());
                neighbour.await(ServerFrame.Pong.class, f -> true);
            }

            // one tab goes away (its network drops, no goodbye): its place is free again
            open.remove(0).close();
            List<ChatSocket> tries = new ArrayList<>();
            try {
                Awaitility.await()
                        .atMost(ChatSocket.WAIT)
                        .until(
                                () -> {
                                    ChatSocket again =
                                            attempt(address, "/ws/visitor", chat.token());
                                    tries.add(again);
                                    return !again.isClosed();
                                });
                ChatSocket admitted = tries.get(tries.size() - 1);
                admitted.send(new ClientFrame.Ping());
                admitted.await(ServerFrame.Pong.class, f -> true);
            } finally {
                closeAll(tries);
            }
        } finally {
            closeAll(open);
        }
    }

    @Test
    void staffSocketsHaveACapOfTheirOwnBesideTheVisitorSockets() {
        StaffFixture staff = new StaffFixture(db, direct());
        String token = staff.login(staff.agent("online", 3, staff.department()));
        String office = freshAddress();
        List<ChatSocket> open = signedIn(office, "/ws/agent", token, STAFF_SOCKETS_PER_ADDRESS);
        try {
            ChatSocket refused = attempt(office, "/ws/agent", token);
            open.add(refused);
            assertThat(refused.awaitClosed().getCode()).isEqualTo(4429);
            assertThat(refused.all(ServerFrame.AuthOk.class)).isEmpty();

            // the same office's citizens still chat: their sockets are counted apart
            try (ChatSocket citizen = signedIn(office, startChat(office))) {
                citizen.send(new ClientFrame.Ping());
                citizen.await(ServerFrame.Pong.class, f -> true);
            }
            assertThat(open.subList(0, STAFF_SOCKETS_PER_ADDRESS)).noneMatch(ChatSocket::isClosed);
        } finally {
            closeAll(open);
        }
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
