package id.oss.livechat.desktop.analytics;

import java.time.LocalDate;

/**
 * The port to {@code /api/analytics} (supervisors and admins). The records it answers with are this
 * module's stand-ins until shared-model carries the contract's own (issue 5); only this port and
 * {@link HttpAnalyticsApi} need to change then. A server without analytics answers 404: {@code
 * ApiException} with status 404.
 */
public interface AnalyticsApi {

    /** {@code GET /api/analytics/dashboard}: the live figures. */
    DashboardFigures dashboard();

    /** {@code GET /api/analytics?from&to&group_by}: measures over a date range. */
    AnalyticsReport report(LocalDate from, LocalDate to, GroupBy groupBy);

    enum GroupBy {
        DAY,
        DEPARTMENT,
        AGENT;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
