package id.oss.livechat.server.analytics.web;

import id.oss.livechat.model.analytics.AnalyticsReport;
import id.oss.livechat.model.analytics.Dashboard;
import id.oss.livechat.server.analytics.Analytics;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.system.web.QueryParams;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/analytics}: supervisors and admins only (checked by the security configuration). */
@RestController
public class AnalyticsController {
    private final Analytics analytics;

    public AnalyticsController(Analytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/api/analytics/dashboard")
    public Mono<Dashboard> dashboard() {
        return analytics.dashboard();
    }

    @GetMapping("/api/analytics")
    public Mono<AnalyticsReport> report(
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "group_by", required = false) String groupBy,
            @RequestParam(name = "department_id", required = false) String departmentId,
            @RequestParam(name = "agent_id", required = false) String agentId) {
        FieldCheck check = FieldCheck.of();
        QueryParams params = new QueryParams(check);
        LocalDate fromDay = params.date("from", from);
        LocalDate toDay = params.date("to", to);
        UUID department = params.uuid("department_id", departmentId);
        UUID agent = params.uuid("agent_id", agentId);
        check.orThrow();
        return analytics.report(new Analytics.Request(fromDay, toDay, groupBy, department, agent));
    }
}
