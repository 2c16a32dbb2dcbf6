package id.oss.livechat.server.export;

import id.oss.livechat.model.analytics.AnalyticsReport;
import id.oss.livechat.model.analytics.Measures;
import id.oss.livechat.model.analytics.ReportRow;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as CSV: one line per group ({@code key} and {@code label} as in the JSON report), the
 * measures in the JSON report's names, and a last line {@code total}.
 */
public final class AnalyticsCsv {
    static final List<String> HEADER =
            List.of(
                    "key",
                    "label",
                    "sessions",
                    "assigned",
                    "abandoned",
                    "abandonment_rate",
                    "left_messages",
                    "avg_wait_seconds",
                    "avg_first_response_seconds",
                    "avg_duration_seconds",
                    "agents",
                    "chats_per_agent",
                    "rated",
                    "avg_rating");

    private AnalyticsCsv() {}

    public static List<String> lines(AnalyticsReport report) {
        List<String> lines = new ArrayList<>();
        lines.add(Csv.line(HEADER));
        for (ReportRow row : report.rows()) {
            lines.add(Csv.line(cells(row.key(), row.label(), row.measures())));
        }
        lines.add(Csv.line(cells("total", "Total", report.totals())));
        return lines;
    }

    private static List<Object> cells(String key, String label, Measures m) {
        List<Object> cells = new ArrayList<>();
        cells.add(key);
        cells.add(label);
        cells.add(m.sessions());
        cells.add(m.assigned());
        cells.add(m.abandoned());
        cells.add(m.abandonmentRate());
        cells.add(m.leftMessages());
        cells.add(m.avgWaitSeconds());
        cells.add(m.avgFirstResponseSeconds());
        cells.add(m.avgDurationSeconds());
        cells.add(m.agents());
        cells.add(m.chatsPerAgent());
        cells.add(m.rated());
        cells.add(m.avgRating());
        return cells;
    }
}
