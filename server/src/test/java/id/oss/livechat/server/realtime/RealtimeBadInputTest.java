package id.oss.livechat.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.FrameTypes;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a socket gets for bad frames: an error frame naming the problem, the socket open, and
 * nothing stored. Only a failed sign-in closes it (4401).
 */
class RealtimeBadInputTest extends ServerTest {
    private final List<ChatSocket> sockets = new ArrayList<>();
    private Visitor.Session session;
    private UUID sessionId;

    @BeforeEach
    void aWaitingSession() {
        StaffFixture staff = new StaffFixture(db, http);
        session = staff.waitingSession(staff.department(), "normal");
        sessionId = UUID.fromString(session.id());
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(ChatSocket::close);
    }

    private ChatSocket visitor() {
        ChatSocket socket = ChatSocket.signedIn(port, "/ws/visitor", session.token());
        sockets.add(socket);
        return socket;
    }

    private long stored() {
        return count("SELECT count(*) FROM chat_messages WHERE session_id = '" + sessionId + "'");
    }

    /** The socket still answers: a ping gets its pong. */
    private static void stillOpen(ChatSocket socket) {
        int pongs = socket.all(ServerFrame.Pong.class).size();
        socket.send(new ClientFrame.Ping());
        socket.await(
                ServerFrame.Pong.class, p -> socket.all(ServerFrame.Pong.class).size() > pongs);
        assertThat(socket.isClosed()).isFalse();
    }

    @Test
    void unknownTypesAndMalformedJsonGetAnErrorFrameAndTheSocketStaysOpen() {
        ChatSocket socket = visitor();
        socket.sendRaw("{\"type\":\"launch.missiles\",\"session_id\":\"" + sessionId + "\"}");
        assertThat(
                        socket.await(ServerFrame.Error.class, e -> e.code().equals("unknown_type"))
                                .ref())
                .isEqualTo("launch.missiles");
        socket.sendRaw("{\"type\": \"message.send\", ");
        socket.await(ServerFrame.Error.class, e -> e.code().equals("malformed_json"));
        socket.sendRaw("{\"no_type\": true}");
        socket.await(
                ServerFrame.Error.class, e -> e.code().equals("unknown_type") && e.ref() == null);
        socket.sendRaw(
                "{\"type\":\"message.send\",\"session_id\":\"not-a-uuid\",\"client_msg_id\":\"x\",\"text\":\"hi\"}");
        socket.await(ServerFrame.Error.class, e -> e.code().equals("invalid_frame"));
        stillOpen(socket);
        assertThat(stored()).isZero();
    }

    @Test
    void framesThatCannotBeReadSpendTheSignalBudgetLikeOtherFrames() {
        ChatSocket socket = visitor();
        List<String> flood = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            flood.add("{\"type\": \"message.send\", ");
            flood.add("{\"type\":\"launch.missiles\"}");
            flood.add("{\"type\":\"typing\",\"session_id\":[1],\"typing\":\"yes\"}");
            flood.add("{\"type\":\"auth\",\"token\":\"again\"}");
        }
        flood.forEach(socket::sendRaw);
        // every frame is answered, in order
        org.awaitility.Awaitility.await()
                .atMost(ChatSocket.WAIT)
                .until(() -> socket.all(ServerFrame.Error.class).size() == flood.size());
        List<String> codes =
                socket.all(ServerFrame.Error.class).stream().map(e -> e.code()).toList();
        long refused = codes.stream().filter("rate_limited"::equals).count();
        // 30 at once, then 10 a second: a flood of 200 unreadable frames is mostly refused, as
        // 200 pings would be
        assertThat(refused).as(codes.toString()).isGreaterThan(100);
        assertThat(codes.subList(0, 30))
                .containsOnly(
                        "malformed_json", "unknown_type", "invalid_frame", "already_authenticated");
        assertThat(socket.all(ServerFrame.Error.class).stream())
                .filteredOn(
                        e -> e.code().equals("rate_limited") && "launch.missiles".equals(e.ref()))
                .isNotEmpty();
        assertThat(socket.isClosed()).isFalse();
        assertThat(stored()).isZero();
    }

    @Test
    void aFrameWithoutASessionIsRefusedNamingTheFieldOnVisitorAndStaffSockets() {
        StaffFixture staff = new StaffFixture(db, http);
        ChatSocket agentSide =
                ChatSocket.signedIn(
                        port, "/ws/agent", staff.login(staff.agent("away", 3, staff.department())));
        sockets.add(agentSide);
        for (ChatSocket socket : List.of(visitor(), agentSide)) {
            socket.sendRaw("{\"type\":\"read\",\"up_to_seq\":1}");
            socket.sendRaw("{\"type\":\"typing\",\"typing\":true}");
            socket.sendRaw("{\"type\":\"resume\",\"after_seq\":0}");
            socket.sendRaw(
                    "{\"type\":\"message.send\",\"client_msg_id\":\"lost\",\"text\":\"Halo\"}");
            for (String ref :
                    List.of(FrameTypes.READ, FrameTypes.TYPING, FrameTypes.RESUME, "lost")) {
                ServerFrame.Error error =
                        socket.await(ServerFrame.Error.class, e -> ref.equals(e.ref()));
                assertThat(error.code()).as(ref).isEqualTo("validation_failed");
                assertThat(error.message()).as(ref).contains("session_id");
            }
            stillOpen(socket);
        }
        assertThat(stored()).isZero();
    }

    @Test
    void anOversizedMessageIsRefusedAndNotStored() {
        ChatSocket socket = visitor();
        socket.send(
                new ClientFrame.MessageSend(
                        sessionId, "big", "x".repeat(FrameTypes.MAX_TEXT_LENGTH + 1)));
        ServerFrame.Error error = socket.await(ServerFrame.Error.class, e -> "big".equals(e.ref()));
        assertThat(error.code()).isEqualTo("validation_failed");
        assertThat(error.message()).contains("4000");
        socket.send(new ClientFrame.MessageSend(sessionId, "empty", "   "));
        socket.await(ServerFrame.Error.class, e -> "empty".equals(e.ref()));
        socket.send(new ClientFrame.MessageSend(sessionId, "bad id with spaces", "halo"));
        socket.await(ServerFrame.Error.class, e -> "bad id with spaces".equals(e.ref()));
        stillOpen(socket);
        assertThat(stored()).isZero();
        socket.send(
                new ClientFrame.MessageSend(
                        sessionId, "fits", "x".repeat(FrameTypes.MAX_TEXT_LENGTH)));
        assertThat(
                        socket.await(
                                        ServerFrame.MessageAck.class,
                                        a -> a.clientMsgId().equals("fits"))
                                .seq())
                .isEqualTo(1);
    }

    @Test
    void aSessionTheSocketDoesNotOwnIsForbidden() {
        StaffFixture staff = new StaffFixture(db, http);
        Visitor.Session other = staff.waitingSession(staff.department(), "normal");
        UUID otherId = UUID.fromString(other.id());
        ChatSocket socket = visitor();
        socket.send(new ClientFrame.MessageSend(otherId, "intrude", "Bukan sesi saya"));
        assertThat(socket.await(ServerFrame.Error.class, e -> "intrude".equals(e.ref())).code())
                .isEqualTo("forbidden");
        socket.send(new ClientFrame.Resume(otherId, 0));
        assertThat(
                        socket.await(
                                        ServerFrame.Error.class,
                                        e -> FrameTypes.RESUME.equals(e.ref()))
                                .code())
                .isEqualTo("forbidden");
        socket.send(new ClientFrame.Typing(otherId, true));
        assertThat(
                        socket.await(
                                        ServerFrame.Error.class,
                                        e -> FrameTypes.TYPING.equals(e.ref()))
                                .code())
                .isEqualTo("forbidden");
        stillOpen(socket);
        assertThat(count("SELECT count(*) FROM chat_messages WHERE session_id = '" + otherId + "'"))
                .isZero();

        // an agent may not write in a chat it does not serve
        StaffFixture.Member stranger = staff.agent("away", 3, staff.department());
        ChatSocket agentSide = ChatSocket.signedIn(port, "/ws/agent", staff.login(stranger));
        sockets.add(agentSide);
        agentSide.send(new ClientFrame.MessageSend(sessionId, "stranger", "Halo"));
        assertThat(agentSide.await(ServerFrame.Error.class, e -> "stranger".equals(e.ref())).code())
                .isEqualTo("forbidden");
        assertThat(stored()).isZero();
    }

    @Test
    void aBadTokenOrAnyOtherFirstFrameClosesWith4401() {
        for (String first :
                new String[] {
                    "{\"type\":\"auth\",\"token\":\"vt_" + "A".repeat(43) + "\"}",
                    "{\"type\":\"message.send\",\"session_id\":\""
                            + sessionId
                            + "\",\"client_msg_id\":\"x\",\"text\":\"hi\"}",
                    "not json at all"
                }) {
            ChatSocket socket = ChatSocket.open(port, "/ws/visitor");
            sockets.add(socket);
            socket.sendRaw(first);
            ServerFrame.Error error = socket.await(ServerFrame.Error.class, e -> true);
            assertThat(error.ref()).isEqualTo(FrameTypes.AUTH);
            assertThat(socket.awaitClosed().getCode()).isEqualTo(FrameTypes.CLOSE_UNAUTHORIZED);
        }
        // a visitor token is no staff token
        ChatSocket staffSocket = ChatSocket.open(port, "/ws/agent");
        sockets.add(staffSocket);
        staffSocket.send(new ClientFrame.Auth(session.token()));
        assertThat(staffSocket.awaitClosed().getCode()).isEqualTo(FrameTypes.CLOSE_UNAUTHORIZED);
        assertThat(stored()).isZero();
    }

    @Test
    void aSocketThatNeverSignsInIsClosedAfterTenSeconds() {
        ChatSocket silent = ChatSocket.open(port, "/ws/agent");
        sockets.add(silent);
        assertThat(silent.awaitClosed().getCode()).isEqualTo(FrameTypes.CLOSE_UNAUTHORIZED);
        assertThat(silent.all(ServerFrame.Error.class))
                .extracting(ServerFrame.Error::code)
                .containsExactly("auth_timeout");
    }

    @Test
    void aFloodingClientIsThrottledWithoutStarvingOthers() {
        ChatSocket flooder = visitor();
        StaffFixture staff = new StaffFixture(db, http);
        Visitor.Session calm = staff.waitingSession(staff.department(), "normal");
        ChatSocket calmSocket = ChatSocket.signedIn(port, "/ws/visitor", calm.token());
        sockets.add(calmSocket);

        for (int i = 0; i < 200; i++) {
            flooder.send(new ClientFrame.MessageSend(sessionId, "flood-" + i, "spam " + i));
        }
        flooder.await(ServerFrame.Error.class, e -> e.code().equals("rate_limited"));
        calmSocket.send(
                new ClientFrame.MessageSend(UUID.fromString(calm.id()), "calm-1", "Permisi"));
        assertThat(
                        calmSocket
                                .await(
                                        ServerFrame.MessageAck.class,
                                        a -> a.clientMsgId().equals("calm-1"))
                                .seq())
                .isEqualTo(1);

        // every frame is answered, acknowledged or refused: count once all answers are in (on a
        // busy machine the flood is still being worked through when the calm visitor's ack comes)
        org.awaitility.Awaitility.await()
                .atMost(ChatSocket.WAIT)
                .until(
                        () ->
                                flooder.all(ServerFrame.MessageAck.class).size()
                                                + flooder.all(ServerFrame.Error.class).size()
                                        >= 200);
        long limited =
                flooder.all(ServerFrame.Error.class).stream()
                        .filter(e -> e.code().equals("rate_limited"))
                        .count();
        long acked = flooder.all(ServerFrame.MessageAck.class).size();
        assertThat(limited).isGreaterThan(100);
        // what was acknowledged is exactly what was stored
        org.awaitility.Awaitility.await()
                .untilAsserted(
                        () ->
                                assertThat(stored())
                                        .isEqualTo(
                                                flooder.all(ServerFrame.MessageAck.class).size()));
        assertThat(acked).isLessThan(200);
    }
}
