package id.oss.livechat.model.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/analytics}: the measures of sessions started from {@code from} to {@code to}
 * (both days included, in the help desk's time zone), in total and grouped by {@code group_by}
 * ({@code day}, {@code hour} for a range of one day, {@code department}, {@code agent} or {@code
 * oss_user}).
 */
public record AnalyticsReport(
        LocalDate from,
        LocalDate to,
        String groupBy,
        String timezone,
        Measures totals,
        List<ReportRow> rows) {}
