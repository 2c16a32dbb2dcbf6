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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Presence across nodes: an agent whose only staff socket is on node B is present for routing on
 * node A (a chat started through A is assigned to it), also well past the grace; once that socket
 * drops without a close frame and the grace passes, A assigns it nothing more. Two nodes in their
 * own processes with a one-second grace, one real Kafka broker, a database of their own (a short
 * grace would set away every online agent of the shared one).
 */
class PresenceAcrossNodesTest {
    private static final Path DIR =
            Path.of("target", "presence-nodes", "run-" + System.currentTimeMillis());
    private static final String DATABASE = "presence_nodes_test";
    private static final Duration GRACE = Duration.ofSeconds(1);
    private static KafkaBroker kafka;
    private static ServerNode nodeA;
    private static ServerNode nodeB;
    private static DatabaseClient db;

    @BeforeAll
    static void twoNodesWithAShortGrace() throws Exception {
        TestDatabase database = TestDatabase.get();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(database.jdbcUrl());
                java.sql.Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE);
        }
        db =
                DatabaseClient.create(
                        ConnectionFactories.get(
                                "r2dbc:postgresql://postgres@localhost:"
                                        + database.port()
                                        + "/"
                                        + DATABASE));
        kafka =
                KafkaBroker.start(
                        DIR.resolve("kafka-" + UUID.randomUUID().toString().substring(0, 8)));
        Map<String, String> settings =
                Map.of("DB_NAME", DATABASE, "PRESENCE_GRACE", GRACE.toSeconds() + "s");
        List<ServerNode> nodes =
                ServerNode.startSideBySide(DIR, kafka, settings, "presence-a", "presence-b");
        nodeA = nodes.get(0);
        nodeB = nodes.get(1);
    }

    @AfterAll
    static void stopNodes() {
        // the nodes first, side by side (they leave Kafka cleanly), then the broker
        ChildProcesses.closeSideBySide(nodeA, nodeB);
        ChildProcesses.closeSideBySide(kafka);
    }

    @Test
    void anAgentWithASocketOnlyOnNodeBIsRoutedToByNodeAUntilThatSocketIsGone() {
        StaffFixture staff = new StaffFixture(db, nodeA.client());
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("away", 3, department);
        String token = staff.login(agent);
        ChatSocket onB = ChatSocket.signedIn(nodeB.port(), "/ws/agent", token);
        nodeB.client()
                .put()
                .uri("/api/agents/me/status")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "online"))
                .exchange()
                .expectStatus()
                .isOk();

        // several graces later node A, which holds no socket of the agent, has not set it away
        Instant later = Instant.now().plus(GRACE.multipliedBy(3));
        Awaitility.await().atMost(ChatSocket.WAIT).until(() -> Instant.now().isAfter(later));
        onB.send(new ClientFrame.Ping());
        onB.await(ServerFrame.Pong.class, p -> true);
        assertThat(statusOf(agent)).isEqualTo("online");

        Visitor.Session first = staff.waitingSession(department, "normal");
        assertThat(staff.agentOf(first.id())).as("assigned by node A").isEqualTo(agent.id());
        onB.await(
                ServerFrame.SessionUpdated.class,
                u ->
                        u.sessionId().equals(UUID.fromString(first.id()))
                                && u.status() == SessionStatus.ACTIVE);

        // the desktop on B vanishes: no close frame
        onB.close();
        Awaitility.await().atMost(ChatSocket.WAIT).until(() -> "away".equals(statusOf(agent)));

        Visitor.Session second = staff.waitingSession(department, "normal");
        assertThat(second.body().get("agents_online")).isEqualTo(0);
        assertThat(staff.agentOf(second.id())).as("node A assigns it nothing more").isNull();

        // back on node B: node A routes to it again
        try (ChatSocket again = ChatSocket.signedIn(nodeB.port(), "/ws/agent", token)) {
            Awaitility.await()
                    .atMost(ChatSocket.WAIT)
                    .until(() -> "online".equals(statusOf(agent)));
            Visitor.Session third = staff.waitingSession(department, "normal");
            Awaitility.await()
                    .atMost(ChatSocket.WAIT)
                    .until(
                            () ->
                                    agent.id().equals(staff.agentOf(second.id()))
                                            && agent.id().equals(staff.agentOf(third.id())));
        }
    }

    private static String statusOf(StaffFixture.Member member) {
        return db.sql("SELECT status FROM users WHERE id = :id")
                .bind("id", member.id())
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }
}
