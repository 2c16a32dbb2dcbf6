package id.oss.livechat.server.analytics;

import id.oss.livechat.model.analytics.Measures;
import id.oss.livechat.model.analytics.ReportRow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The measures, computed where the sessions are: in PostgreSQL. */
public interface AnalyticsRepository {
    Mono<Measures> totals(ReportQuery query);

    Mono<List<ReportRow>> rows(ReportQuery query);

    /**
     * What is happening now, per department (null: all): sessions waiting (of them, left messages),
     * when the oldest waiting session whose visitor is still there started (null: none waits),
     * sessions active, and accounts of role agent online.
     */
    record Live(
            long waiting,
            long leftMessagesWaiting,
            Instant oldestWaitingStart,
            long active,
            long agentsOnline) {}

    Mono<Live> live(UUID departmentId);

    Mono<Boolean> departmentExists(UUID departmentId);

    Mono<Boolean> agentExists(UUID agentId);

    Mono<Boolean> tagExists(String code);

    Mono<Boolean> closeReasonExists(String code);
}
