package id.oss.livechat.desktop.analytics;

import id.oss.livechat.model.analytics.AnalyticsReport;
import id.oss.livechat.model.analytics.Dashboard;
import java.time.LocalDate;

/**
 * The port to {@code /api/analytics} (supervisors and admins), answering with the contract's own
 * shared-model records. A server without analytics answers 404: {@code ApiException} with status
 * 404.
 */
public interface AnalyticsApi {

    /** {@code GET /api/analytics/dashboard}: the live figures. */
    Dashboard dashboard();

    /**
     * {@code GET /api/analytics?from&to&group_by}: measures over a date range, or one day by hour.
     */
    AnalyticsReport report(LocalDate from, LocalDate to, GroupBy groupBy);

    /**
     * {@code GET /api/analytics/export.csv?from&to&group_by}: the same report as CSV text (UTF-8, a
     * header row, RFC 4180), to be saved as it is.
     */
    String exportCsv(LocalDate from, LocalDate to, GroupBy groupBy);

    enum GroupBy {
        DAY,
        DEPARTMENT,
        AGENT,
        /** The 24 hours of one day: only when {@code from} and {@code to} are the same day. */
        HOUR;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
