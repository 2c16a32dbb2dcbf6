package id.oss.livechat.desktop.analytics;

import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/analytics}: one row per day, department or agent. Stand-in (issue 5). */
public record AnalyticsReport(LocalDate from, LocalDate to, String groupBy, List<Row> rows) {

    /** The measures of one group; averages in seconds, null when there is nothing to average. */
    public record Row(
            String key,
            String label,
            long sessions,
            Double avgWaitSeconds,
            Double avgFirstResponseSeconds,
            Double avgDurationSeconds,
            long abandoned) {}
}
