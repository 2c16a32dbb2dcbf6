package id.oss.livechat.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.KafkaBroker;
import id.oss.livechat.server.support.OwnNode;
import id.oss.livechat.server.support.Visitor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A production broker that wants a login (SASL_PLAINTEXT, mechanism PLAIN), the project's real
 * Kafka: nodes given the right {@code KAFKA_SASL_*} carry a chat event from one to the other; a
 * node with a wrong password is not ready on /health's bus, and says Kafka refused it.
 */
class KafkaSecurityTest {
    private static final Path DIR =
            Path.of("target", "kafka-security", "run-" + System.currentTimeMillis());
    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stop() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception ignored) {
                // best effort: the broker process dies with the JVM anyway
            }
        }
    }

    private <T extends AutoCloseable> T track(T part) {
        started.add(part);
        return part;
    }

    private OwnNode node(KafkaBroker kafka, String password) {
        return track(
                OwnNode.start(
                        "--KAFKA_BROKERS=" + kafka.bootstrapServers(),
                        "--KAFKA_TOPIC_MESSAGES=chat.secured",
                        "--KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT",
                        "--KAFKA_SASL_MECHANISM=PLAIN",
                        "--KAFKA_SASL_USERNAME=livechat",
                        "--KAFKA_SASL_PASSWORD=" + password));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bus(WebTestClient http) {
        Map<String, Object> health =
                http.get()
                        .uri("/health")
                        .exchange()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        return (Map<String, Object>) health.get("bus");
    }

    @Test
    void nodesWithTheRightLoginCarryEventsAndAWrongPasswordIsNotReady() {
        KafkaBroker kafka =
                track(
                        KafkaBroker.startWithSaslPlain(
                                DIR.resolve(
                                        "kafka-" + UUID.randomUUID().toString().substring(0, 8)),
                                "livechat",
                                "rahasia-kafka-2026"));
        OwnNode nodeA = node(kafka, "rahasia-kafka-2026");
        OwnNode nodeB = node(kafka, "rahasia-kafka-2026");
        for (OwnNode node : List.of(nodeA, nodeB)) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(90))
                    .until(() -> Boolean.TRUE.equals(bus(node.http()).get("ready")));
        }

        // one visitor, two tabs: one on each node; what is sent on A reaches B only through Kafka
        Visitor.Session session = new Visitor(nodeA.http()).start("Izin lewat Kafka berpassword");
        UUID sessionId = UUID.fromString(session.id());
        ChatSocket onA = track(ChatSocket.signedIn(nodeA.port(), "/ws/visitor", session.token()));
        ChatSocket onB = track(ChatSocket.signedIn(nodeB.port(), "/ws/visitor", session.token()));
        onA.send(new ClientFrame.MessageSend(sessionId, "sasl-1", "Lewat broker yang terkunci"));
        onA.await(ServerFrame.MessageAck.class, ack -> "sasl-1".equals(ack.clientMsgId()));
        ServerFrame.MessageNew arrived =
                onB.await(
                        ServerFrame.MessageNew.class,
                        m -> "Lewat broker yang terkunci".equals(m.text()));
        assertThat(arrived.sessionId()).isEqualTo(sessionId);

        OwnNode wrong = node(kafka, "bukan-passwordnya");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            Map<String, Object> bus = bus(wrong.http());
                            return Boolean.FALSE.equals(bus.get("ready"))
                                    && String.valueOf(bus.get("reason"))
                                            .toLowerCase(java.util.Locale.ROOT)
                                            .contains("authentication failed");
                        });
        wrong.http().get().uri("/health/bus").exchange().expectStatus().isEqualTo(503);
        // the right nodes are unaffected by a neighbour with a wrong password
        assertThat(bus(nodeA.http())).containsEntry("ready", true);
    }
}
