package id.oss.livechat.server.system.health;

import id.oss.livechat.server.common.events.ChatEventBus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Health checks for load balancers and orchestrators: {@code /health} says the process serves
 * (liveness), {@code /health/db} that it reaches PostgreSQL (readiness), or 503; why is logged, not
 * answered.
 */
@RestController
public class HealthController {
    private static final org.slf4j.Logger log =
            org.slf4j.LoggerFactory.getLogger(HealthController.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(3);

    private final DatabaseClient database;
    private final ChatEventBus bus;
    private final Clock clock;
    private final Instant startedAt;
    private final String version;

    public HealthController(
            DatabaseClient database,
            ChatEventBus bus,
            Clock clock,
            ObjectProvider<BuildProperties> build) {
        this.database = database;
        this.bus = bus;
        this.clock = clock;
        this.startedAt = clock.instant();
        BuildProperties properties = build.getIfAvailable();
        String implementation = HealthController.class.getPackage().getImplementationVersion();
        this.version =
                properties != null
                        ? properties.getVersion()
                        : implementation != null ? implementation : "dev";
    }

    @GetMapping("/health")
    public Map<String, Object> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("version", version);
        body.put("uptime_seconds", Duration.between(startedAt, clock.instant()).toSeconds());
        body.put("bus", busBody(bus.health()));
        return body;
    }

    /**
     * Whether chat events travel between nodes: {@code 503} while they do not (Kafka unreachable),
     * for monitoring. Not a readiness probe: a node keeps chatting without Kafka, its events wait
     * in the outbox.
     */
    @GetMapping("/health/bus")
    public ResponseEntity<Map<String, Object>> busHealth() {
        ChatEventBus.Health health = bus.health();
        Map<String, Object> body = busBody(health);
        return health.ready()
                ? ResponseEntity.ok(body)
                : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    private Map<String, Object> busBody(ChatEventBus.Health health) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", bus.kind());
        body.put("ready", health.ready());
        body.put("waiting_events", health.waitingEvents());
        if (health.reason() != null) {
            body.put("reason", health.reason());
        }
        return body;
    }

    @GetMapping("/health/db")
    public Mono<ResponseEntity<Map<String, Object>>> database() {
        long start = System.nanoTime();
        return database.sql("SELECT 1")
                .map(row -> 1)
                .first()
                .timeout(DB_TIMEOUT)
                .map(
                        ok -> {
                            Map<String, Object> body = new LinkedHashMap<>();
                            body.put("status", "ok");
                            body.put("database", "up");
                            body.put("latency_ms", (System.nanoTime() - start) / 1_000_000);
                            return ResponseEntity.ok(body);
                        })
                .onErrorResume(
                        failure -> {
                            Map<String, Object> body = new LinkedHashMap<>();
                            body.put("status", "unavailable");
                            body.put("database", "down");
                            // why stays in the log: the answer is public, and a database error
                            // names hosts, users and versions
                            log.warn("GET /health/db: {}", reason(failure));
                            return Mono.just(
                                    ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                                            .body(body));
                        });
    }

    private static String reason(Throwable failure) {
        if (failure instanceof java.util.concurrent.TimeoutException) {
            return "no answer from the database within " + DB_TIMEOUT.toSeconds() + " s";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message =
                root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return "cannot reach the database: " + message;
    }
}
