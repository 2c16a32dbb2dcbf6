package id.oss.livechat.server.analytics;

import id.oss.livechat.model.analytics.Measures;
import id.oss.livechat.model.analytics.ReportRow;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The measures, computed where the sessions are: in PostgreSQL. */
public interface AnalyticsRepository {
    Mono<Measures> totals(ReportQuery query);

    Mono<List<ReportRow>> rows(ReportQuery query);

    /**
     * What is happening now: sessions waiting and active, agents online, per department (null:
     * all).
     */
    record Live(long waiting, long active, long agentsOnline) {}

    Mono<Live> live(UUID departmentId);

    Mono<Boolean> departmentExists(UUID departmentId);

    Mono<Boolean> agentExists(UUID agentId);
}
