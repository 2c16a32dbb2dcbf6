package id.oss.livechat.server.analytics.web;

import id.oss.livechat.model.analytics.AnalyticsReport;
import id.oss.livechat.model.analytics.Dashboard;
import id.oss.livechat.server.analytics.Analytics;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Texts;
import id.oss.livechat.server.export.AnalyticsCsv;
import id.oss.livechat.server.export.Csv;
import id.oss.livechat.server.system.web.QueryParams;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
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
            @RequestParam(name = "agent_id", required = false) String agentId,
            @RequestParam(name = "tag", required = false) String tag,
            @RequestParam(name = "close_reason", required = false) String closeReason) {
        return analytics.report(
                request(from, to, groupBy, departmentId, agentId, tag, closeReason));
    }

    /** The report as CSV, with the same filters: one line per group and a total line. */
    @GetMapping("/api/analytics/export.csv")
    public Mono<ResponseEntity<Flux<String>>> export(
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "group_by", required = false) String groupBy,
            @RequestParam(name = "department_id", required = false) String departmentId,
            @RequestParam(name = "agent_id", required = false) String agentId,
            @RequestParam(name = "tag", required = false) String tag,
            @RequestParam(name = "close_reason", required = false) String closeReason) {
        return analytics
                .report(request(from, to, groupBy, departmentId, agentId, tag, closeReason))
                .map(
                        report ->
                                ResponseEntity.ok()
                                        .contentType(MediaType.parseMediaType(Csv.CONTENT_TYPE))
                                        .header(
                                                HttpHeaders.CONTENT_DISPOSITION,
                                                Csv.attachment(fileName(report)))
                                        .body(Flux.fromIterable(AnalyticsCsv.lines(report))));
    }

    private static String fileName(AnalyticsReport report) {
        return "analytics-" + report.groupBy() + "-" + report.from() + "-" + report.to() + ".csv";
    }

    /** The report's query parameters, read; the CSV export takes the same ones. */
    private static Analytics.Request request(
            String from,
            String to,
            String groupBy,
            String departmentId,
            String agentId,
            String tag,
            String closeReason) {
        FieldCheck check = FieldCheck.of();
        QueryParams params = new QueryParams(check);
        LocalDate fromDay = params.date("from", from);
        LocalDate toDay = params.date("to", to);
        UUID department = params.uuid("department_id", departmentId);
        UUID agent = params.uuid("agent_id", agentId);
        check.optional("tag", tag, 40).optional("close_reason", closeReason, 40).orThrow();
        return new Analytics.Request(
                fromDay, toDay, groupBy, department, agent, code(tag), code(closeReason));
    }

    /** Tag and close reason codes are lower case. */
    private static String code(String value) {
        String clean = Texts.clean(value);
        return clean == null ? null : clean.toLowerCase(java.util.Locale.ROOT);
    }
}
