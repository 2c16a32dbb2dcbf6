package id.oss.livechat.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.KafkaBroker;
import id.oss.livechat.server.support.OwnNode;
import id.oss.livechat.server.support.Visitor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code /health} tells the truth about the bus, against the project's real Kafka broker: while the
 * broker is stopped the node says it is not ready, and how many events wait in {@code bus_outbox}
 * for it; once the broker is back, it is ready again and the outbox is empty.
 */
class BusHealthTest {
    private static final Path DIR =
            Path.of("target", "bus-health", "run-" + System.currentTimeMillis());
    private KafkaBroker kafka;
    private OwnNode node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bus(WebTestClient http, String uri) {
        Map<String, Object> body =
                http.get()
                        .uri(uri)
                        .exchange()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        return uri.equals("/health") ? (Map<String, Object>) body.get("bus") : body;
    }

    private static long waiting(Map<String, Object> bus) {
        return ((Number) bus.get("waiting_events")).longValue();
    }

    @Test
    void whileTheBrokerIsDownTheNodeIsNotReadyAndCountsTheEventsWaiting() {
        kafka =
                KafkaBroker.start(
                        DIR.resolve("kafka-" + UUID.randomUUID().toString().substring(0, 8)));
        node = OwnNode.start("--KAFKA_BROKERS=" + kafka.bootstrapServers());
        WebTestClient http = node.http();
        // ready, and nothing waiting: events that nodes of earlier tests left in the shared
        // database's outbox are orphans this node takes over and relays (after BusOutbox's grace)
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .until(
                        () -> {
                            Map<String, Object> bus = bus(http, "/health");
                            return Boolean.TRUE.equals(bus.get("ready")) && waiting(bus) == 0;
                        });
        assertThat(bus(http, "/health"))
                .containsEntry("kind", "kafka")
                .containsEntry("waiting_events", 0);
        http.get().uri("/health/bus").exchange().expectStatus().isOk();

        kafka.stop();
        // chatting goes on: a visitor starts a chat, and its events wait for Kafka
        new Visitor(http).start("Izin usaha saat Kafka mati");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> {
                            Map<String, Object> bus = bus(http, "/health");
                            return Boolean.FALSE.equals(bus.get("ready")) && waiting(bus) > 0;
                        });
        Map<String, Object> down = bus(http, "/health");
        assertThat((String) down.get("reason")).isNotBlank();
        http.get()
                .uri("/health/bus")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.ready")
                .isEqualTo(false)
                .jsonPath("$.waiting_events")
                .isNumber();
        // liveness is not readiness: the node still serves
        http.get().uri("/health").exchange().expectStatus().isOk();

        kafka.startAgain();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            Map<String, Object> bus = bus(http, "/health");
                            return Boolean.TRUE.equals(bus.get("ready")) && waiting(bus) == 0;
                        });
        http.get().uri("/health/bus").exchange().expectStatus().isOk();
    }
}
