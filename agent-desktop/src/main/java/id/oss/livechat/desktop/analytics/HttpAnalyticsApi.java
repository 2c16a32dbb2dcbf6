package id.oss.livechat.desktop.analytics;

import id.oss.livechat.desktop.connection.JsonHttp;
import id.oss.livechat.model.analytics.AnalyticsReport;
import id.oss.livechat.model.analytics.Dashboard;
import java.time.LocalDate;

/** {@link AnalyticsApi} over the signed-in staff HTTP client. */
public final class HttpAnalyticsApi implements AnalyticsApi {
    private final JsonHttp http;

    public HttpAnalyticsApi(JsonHttp http) {
        this.http = http;
    }

    @Override
    public Dashboard dashboard() {
        return http.get("/api/analytics/dashboard", Dashboard.class);
    }

    @Override
    public AnalyticsReport report(LocalDate from, LocalDate to, GroupBy groupBy) {
        return http.get(
                "/api/analytics?from=" + from + "&to=" + to + "&group_by=" + groupBy.wire(),
                AnalyticsReport.class);
    }

    @Override
    public String exportCsv(LocalDate from, LocalDate to, GroupBy groupBy) {
        return http.getText(
                "/api/analytics/export.csv?from="
                        + from
                        + "&to="
                        + to
                        + "&group_by="
                        + groupBy.wire(),
                "text/csv");
    }
}
