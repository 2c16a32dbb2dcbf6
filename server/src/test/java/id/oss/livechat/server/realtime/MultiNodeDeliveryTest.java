package id.oss.livechat.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.ChildProcesses;
import id.oss.livechat.server.support.KafkaBroker;
import id.oss.livechat.server.support.ServerNode;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.TestDatabase;
import id.oss.livechat.server.support.Visitor;
import io.r2dbc.spi.ConnectionFactories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Two server nodes in their own processes, one PostgreSQL, one real Kafka broker: the visitor on
 * node A, the agent on node B. Every acknowledged message arrives once, in order, also when a node
 * is killed and when Kafka is stopped and started again.
 */
class MultiNodeDeliveryTest {
    private static final Path DIR =
            Path.of("target", "multi-node", "run-" + System.currentTimeMillis());
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static KafkaBroker kafka;
    private static ServerNode nodeA;
    private static ServerNode nodeB;
    private static DatabaseClient db;
    private final List<ChatSocket> sockets = new ArrayList<>();

    @BeforeAll
    static void cluster() {
        TestDatabase database = TestDatabase.get();
        db =
                DatabaseClient.create(
                        ConnectionFactories.get(
                                "r2dbc:postgresql://postgres@localhost:"
                                        + database.port()
                                        + "/"
                                        + TestDatabase.NAME));
        kafka =
                KafkaBroker.start(
                        DIR.resolve("kafka-" + UUID.randomUUID().toString().substring(0, 8)));
        // a test sends faster than any person: lift the per-socket limit for it
        Map<String, String> fast =
                Map.of("MESSAGE_RATE_PER_SECOND", "5000", "MESSAGE_RATE_BURST", "5000");
        List<ServerNode> nodes = ServerNode.startSideBySide(DIR, kafka, fast, "node-a", "node-b");
        nodeA = nodes.get(0);
        nodeB = nodes.get(1);
    }

    @AfterAll
    static void stopCluster() {
        // the nodes first, side by side (they leave Kafka cleanly), then the broker
        ChildProcesses.closeSideBySide(nodeA, nodeB);
        ChildProcesses.closeSideBySide(kafka);
    }

    @AfterEach
    void closeSocketsAndReviveNodes() {
        sockets.forEach(ChatSocket::close);
        // a test that failed half way may leave a node down; the next one needs both
        for (ServerNode node : new ServerNode[] {nodeA, nodeB}) {
            if (!node.isRunning()) {
                node.startAgain();
            }
        }
    }

    /** A visitor chatting on node A with an agent on node B. */
    private record Chat(UUID sessionId, ChatSocket visitor, ChatSocket agent, String agentToken) {}

    private Chat chatAcrossNodes() {
        StaffFixture staff = new StaffFixture(db, nodeA.client());
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("away", 5, department);
        Visitor.Session session = staff.waitingSession(department, "normal");
        String token = staff.login(agent);
        ChatSocket agentSocket = track(ChatSocket.signedIn(nodeB.port(), "/ws/agent", token));
        nodeB.client()
                .post()
                .uri("/api/chat/assign")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", session.id(), "agent_id", agent.id().toString()))
                .exchange()
                .expectStatus()
                .isOk();
        UUID sessionId = UUID.fromString(session.id());
        agentSocket.await(
                ServerFrame.SessionUpdated.class,
                u -> u.sessionId().equals(sessionId) && u.status() == SessionStatus.ACTIVE);
        ChatSocket visitorSocket =
                track(ChatSocket.signedIn(nodeA.port(), "/ws/visitor", session.token()));
        visitorSocket.await(
                ServerFrame.SessionUpdated.class, u -> u.status() == SessionStatus.ACTIVE);
        return new Chat(sessionId, visitorSocket, agentSocket, token);
    }

    @Test
    void signingOutOnOneNodeClosesTheSocketOnTheOtherWithinASecond() {
        StaffFixture staff = new StaffFixture(db, nodeA.client());
        StaffFixture.Member agent = staff.agent("offline", 3, staff.department());
        String token = staff.login(agent);
        ChatSocket onB = track(ChatSocket.signedIn(nodeB.port(), "/ws/agent", token));

        java.time.Instant signedOut = java.time.Instant.now();
        nodeA.client()
                .post()
                .uri("/api/auth/logout")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isNoContent();

        org.springframework.web.reactive.socket.CloseStatus closed = onB.awaitClosed();
        assertThat(Duration.between(signedOut, java.time.Instant.now()))
                .isLessThan(Duration.ofSeconds(1));
        assertThat(closed.getCode()).isEqualTo(4401);
        assertThat(closed.getReason()).isEqualTo("signed_out");
        nodeB.client()
                .get()
                .uri("/api/agents/me")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private ChatSocket track(ChatSocket socket) {
        sockets.add(socket);
        return socket;
    }

    /** Sends {@code count} messages, at most {@code window} unacknowledged at a time. */
    private static void send(ChatSocket socket, UUID sessionId, String prefix, int count) {
        int window = 50;
        for (int i = 0; i < count; i++) {
            socket.send(new ClientFrame.MessageSend(sessionId, prefix + i, prefix + " pesan " + i));
            int sent = i + 1;
            if (sent % window == 0) {
                Awaitility.await()
                        .atMost(PATIENCE)
                        .until(() -> acks(socket, prefix) >= sent - window);
            }
        }
        Awaitility.await().atMost(PATIENCE).until(() -> acks(socket, prefix) == count);
    }

    private static long acks(ChatSocket socket, String prefix) {
        return socket.all(ServerFrame.MessageAck.class).stream()
                .filter(a -> a.clientMsgId().startsWith(prefix))
                .count();
    }

    private static List<Long> seqsOf(ChatSocket socket, UUID sessionId) {
        return socket.all(ServerFrame.MessageNew.class).stream()
                .filter(m -> m.sessionId().equals(sessionId))
                .map(ServerFrame.MessageNew::seq)
                .toList();
    }

    private static void awaitSeqs(ChatSocket socket, UUID sessionId, long last) {
        Awaitility.await().atMost(PATIENCE).until(() -> seqsOf(socket, sessionId).size() >= last);
    }

    private static List<Long> oneTo(long last) {
        return LongStream.rangeClosed(1, last).boxed().toList();
    }

    @Test
    void aThousandMessagesBothWaysArriveOnceAndInOrderAcrossNodes() {
        Chat chat = chatAcrossNodes();
        CompletableFuture<Void> visitorSide =
                CompletableFuture.runAsync(() -> send(chat.visitor(), chat.sessionId(), "v", 500));
        CompletableFuture<Void> agentSide =
                CompletableFuture.runAsync(() -> send(chat.agent(), chat.sessionId(), "a", 500));
        CompletableFuture.allOf(visitorSide, agentSide).join();

        awaitSeqs(chat.visitor(), chat.sessionId(), 1000);
        awaitSeqs(chat.agent(), chat.sessionId(), 1000);
        assertThat(seqsOf(chat.visitor(), chat.sessionId())).isEqualTo(oneTo(1000));
        assertThat(seqsOf(chat.agent(), chat.sessionId())).isEqualTo(oneTo(1000));

        // every acknowledged number is a message the other side received with the same text
        List<ServerFrame.MessageAck> acks =
                new ArrayList<>(chat.visitor().all(ServerFrame.MessageAck.class));
        acks.addAll(chat.agent().all(ServerFrame.MessageAck.class));
        assertThat(acks)
                .extracting(ServerFrame.MessageAck::seq)
                .containsExactlyInAnyOrderElementsOf(oneTo(1000));
        Map<Long, String> atAgent = new java.util.HashMap<>();
        chat.agent().all(ServerFrame.MessageNew.class).forEach(m -> atAgent.put(m.seq(), m.text()));
        for (ServerFrame.MessageAck ack : chat.visitor().all(ServerFrame.MessageAck.class)) {
            String id = ack.clientMsgId();
            assertThat(atAgent.get(ack.seq())).isEqualTo("v pesan " + id.substring(1));
        }
    }

    @Test
    void aNodeKilledMidConversationLosesNoAcknowledgedMessage() {
        Chat chat = chatAcrossNodes();
        send(chat.visitor(), chat.sessionId(), "v", 10);
        send(chat.agent(), chat.sessionId(), "a", 10);
        awaitSeqs(chat.agent(), chat.sessionId(), 20);
        long agentHad = seqsOf(chat.agent(), chat.sessionId()).get(19);

        nodeB.kill();
        chat.agent().awaitClosed();
        // the visitor's node carries on: these are stored and acknowledged while B is down
        send(chat.visitor(), chat.sessionId(), "w", 10);
        nodeB.startAgain();

        ChatSocket agentAgain =
                track(ChatSocket.signedIn(nodeB.port(), "/ws/agent", chat.agentToken()));
        agentAgain.send(new ClientFrame.Resume(chat.sessionId(), agentHad));
        agentAgain.await(ServerFrame.ResumeDone.class, d -> d.sessionId().equals(chat.sessionId()));
        send(agentAgain, chat.sessionId(), "b", 5);
        send(chat.visitor(), chat.sessionId(), "x", 5);

        awaitSeqs(chat.visitor(), chat.sessionId(), 40);
        awaitSeqs(agentAgain, chat.sessionId(), 20);
        assertThat(seqsOf(chat.visitor(), chat.sessionId())).isEqualTo(oneTo(40));
        List<Long> agentSaw = new ArrayList<>(seqsOf(chat.agent(), chat.sessionId()));
        agentSaw.addAll(seqsOf(agentAgain, chat.sessionId()));
        assertThat(agentSaw).isEqualTo(oneTo(40));
    }

    @Test
    void kafkaStoppedAndStartedAgainLosesNoAcknowledgedMessage() {
        Chat chat = chatAcrossNodes();
        send(chat.visitor(), chat.sessionId(), "v", 5);
        send(chat.agent(), chat.sessionId(), "a", 5);
        awaitSeqs(chat.agent(), chat.sessionId(), 10);
        awaitSeqs(chat.visitor(), chat.sessionId(), 10);

        kafka.stop();
        // both nodes keep chatting: every message is stored and acknowledged, the push to the
        // other node waits in the outbox
        send(chat.visitor(), chat.sessionId(), "w", 10);
        send(chat.agent(), chat.sessionId(), "b", 5);
        kafka.startAgain();

        awaitSeqs(chat.agent(), chat.sessionId(), 25);
        awaitSeqs(chat.visitor(), chat.sessionId(), 25);
        assertThat(seqsOf(chat.agent(), chat.sessionId())).isEqualTo(oneTo(25));
        assertThat(seqsOf(chat.visitor(), chat.sessionId())).isEqualTo(oneTo(25));
        Awaitility.await()
                .atMost(PATIENCE)
                .until(
                        () ->
                                db.sql("SELECT count(*) FROM bus_outbox")
                                                .map(row -> row.get(0, Long.class))
                                                .one()
                                                .block()
                                        == 0);
    }
}
