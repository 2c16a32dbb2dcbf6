package id.oss.livechat.desktop.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the admin narrows the audit to: an exact actor and action, and a time range [from, to); a
 * blank or null part does not narrow.
 */
public record AuditFilter(String actor, String action, Instant from, Instant to) {
    public static final AuditFilter NONE = new AuditFilter(null, null, null, null);

    /** The query string of {@code /api/audit} and its export, without the leading {@code ?}. */
    public String query() {
        List<String> parts = new ArrayList<>();
        add(parts, "actor", actor);
        add(parts, "action", action);
        add(parts, "from", from == null ? null : from.toString());
        add(parts, "to", to == null ? null : to.toString());
        return String.join("&", parts);
    }

    static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }
}
