package id.oss.livechat.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.OwnNode;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code /metrics} after traffic shows the product's meters with the right values.
 *
 * <p>Message, assignment and socket meters count what one node did, so this test runs a node of its
 * own on the shared database: on the suite's shared node, whatever other tests still have in flight
 * would be counted too and the exact figures below could not be checked.
 */
class MetricsTest extends ServerTest {
    private static OwnNode node;
    private static int nodePort;
    private static WebTestClient nodeHttp;

    @BeforeAll
    static void startOwnNode() {
        node = OwnNode.start("--METRICS_REFRESH=300ms");
        nodePort = node.port();
        nodeHttp = node.http();
    }

    @AfterAll
    static void stopOwnNode() {
        if (node != null) {
            node.close();
        }
    }

    private String scrape() {
        // a full scrape is bigger than the test client's default 64 KiB buffer
        return nodeHttp.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build()
                .get()
                .uri("/metrics")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /**
     * The value of one series, e.g. {@code livechat_messages_total{…sender="visitor"…}}; 0 if
     * absent.
     */
    private static double value(String metrics, String name, String label) {
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} ([0-9.eE+-]+)$")
                        .matcher(metrics);
        while (m.find()) {
            if (label == null || m.group(1).contains(label)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    @Test
    void requestsAreTimedButNotEachSecurityFilterOfThem() {
        StaffFixture staff = new StaffFixture(db, nodeHttp);
        UUID department = staff.department();
        staff.login(staff.agent("online", 1, department));
        staff.waitingSession(department, "normal");

        String metrics = scrape();

        assertThat(value(metrics, "http_server_requests_seconds_count", "/api/oss-chat/start"))
                .isPositive();
        assertThat(metrics).doesNotContain("spring_security_");
    }

    @Test
    void theProductsMetersCountWhatHappened() {
        String before = scrape();
        assertThat(before).contains("jvm_memory_used_bytes", "livechat_sessions_waiting");
        double visitorMessages = value(before, "livechat_messages_total", "sender=\"visitor\"");
        double agentMessages = value(before, "livechat_messages_total", "sender=\"agent\"");
        double assignments = value(before, "livechat_assignment_wait_seconds_count", null);

        StaffFixture staff = new StaffFixture(db, nodeHttp);
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("online", 3, department);
        Visitor.Session session = staff.waitingSession(department, "normal");
        UUID sessionId = UUID.fromString(session.id());
        try (ChatSocket visitor = ChatSocket.signedIn(nodePort, "/ws/visitor", session.token());
                ChatSocket agentSide =
                        ChatSocket.signedIn(nodePort, "/ws/agent", staff.login(agent))) {
            for (int i = 0; i < 3; i++) {
                visitor.send(new ClientFrame.MessageSend(sessionId, "v" + i, "Pesan " + i));
            }
            agentSide.send(new ClientFrame.MessageSend(sessionId, "a0", "Jawaban"));
            visitor.send(
                    new ClientFrame.MessageSend(
                            sessionId, "v0", "Pesan 0")); // a resend: not a new message
            agentSide.await(ServerFrame.MessageAck.class, a -> a.clientMsgId().equals("a0"));
            visitor.await(ServerFrame.MessageAck.class, a -> a.clientMsgId().equals("v2"));

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(
                            () -> {
                                String after = scrape();
                                assertThat(
                                                value(
                                                        after,
                                                        "livechat_messages_total",
                                                        "sender=\"visitor\""))
                                        .isEqualTo(visitorMessages + 3);
                                assertThat(
                                                value(
                                                        after,
                                                        "livechat_messages_total",
                                                        "sender=\"agent\""))
                                        .isEqualTo(agentMessages + 1);
                                assertThat(
                                                value(
                                                        after,
                                                        "livechat_assignment_wait_seconds_count",
                                                        null))
                                        .isEqualTo(assignments + 1);
                                assertThat(
                                                value(
                                                        after,
                                                        "livechat_websockets_open",
                                                        "kind=\"visitor\""))
                                        .isGreaterThanOrEqualTo(1);
                                assertThat(
                                                value(
                                                        after,
                                                        "livechat_websockets_open",
                                                        "kind=\"staff\""))
                                        .isGreaterThanOrEqualTo(1);
                                assertThat(value(after, "livechat_sessions_waiting", null))
                                        .isEqualTo(
                                                count(
                                                        "SELECT count(*) FROM chat_sessions WHERE status = 'waiting'"));
                                assertThat(value(after, "livechat_sessions_active", null))
                                        .isEqualTo(
                                                count(
                                                        "SELECT count(*) FROM chat_sessions WHERE status = 'active'"));
                                assertThat(value(after, "livechat_agents_online", null))
                                        .isEqualTo(
                                                count(
                                                        "SELECT count(*) FROM users WHERE active AND status = 'online' AND role = 'agent'"));
                            });
        }
        // the sockets closed: the gauges follow
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(
                                                value(
                                                        scrape(),
                                                        "livechat_websockets_open",
                                                        "kind=\"visitor\""))
                                        .isZero());
    }
}
