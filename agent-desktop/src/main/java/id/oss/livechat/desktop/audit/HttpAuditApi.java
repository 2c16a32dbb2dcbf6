package id.oss.livechat.desktop.audit;

import id.oss.livechat.desktop.connection.JsonHttp;
import java.util.ArrayList;
import java.util.List;

/** {@link AuditApi} over the signed-in staff HTTP client. */
public final class HttpAuditApi implements AuditApi {
    private final JsonHttp http;

    public HttpAuditApi(JsonHttp http) {
        this.http = http;
    }

    @Override
    public AuditPage page(AuditFilter filter, String cursor, int limit) {
        List<String> parts = new ArrayList<>();
        String filters = filter.query();
        if (!filters.isEmpty()) {
            parts.add(filters);
        }
        AuditFilter.add(parts, "cursor", cursor);
        parts.add("limit=" + limit);
        return http.get("/api/audit?" + String.join("&", parts), AuditPage.class);
    }

    @Override
    public String exportCsv(AuditFilter filter) {
        String filters = filter.query();
        return http.getText(
                "/api/audit/export.csv" + (filters.isEmpty() ? "" : "?" + filters), "text/csv");
    }
}
