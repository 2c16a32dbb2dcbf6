package id.oss.livechat.server.routing.internal;

import id.oss.livechat.server.routing.Router;
import id.oss.livechat.server.system.database.Sql;
import id.oss.livechat.server.system.metrics.RefreshedGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The queue's meters: sessions waiting and in progress (the whole help desk), and how long this
 * node's assignments had waited in the queue.
 */
public class RoutingMetrics implements Router.AssignmentListener {
    private final Timer assignmentWait;

    public RoutingMetrics(MeterRegistry registry, RefreshedGauges gauges, DatabaseClient db) {
        gauges.register(
                "livechat_sessions_waiting",
                "Sessions waiting in the queue (all departments)",
                () -> count(db, "waiting"));
        gauges.register(
                "livechat_sessions_active",
                "Sessions in progress with an agent",
                () -> count(db, "active"));
        this.assignmentWait =
                Timer.builder("livechat_assignment_wait")
                        .description("Time a session waited in the queue until an agent got it")
                        .publishPercentileHistogram()
                        .register(registry);
    }

    private static Mono<Long> count(DatabaseClient db, String status) {
        return db.sql("SELECT count(*) AS n FROM chat_sessions WHERE status = :status")
                .bind("status", status)
                .map(row -> Sql.number(row, "n"))
                .one();
    }

    @Override
    public void assigned(UUID sessionId, UUID agentId, Duration waited) {
        assignmentWait.record(waited.isNegative() ? Duration.ZERO : waited);
    }
}
