package id.oss.livechat.desktop.audit;

import java.util.List;

/**
 * A page of entries, newest first; {@code nextCursor} asks for the older ones, null on the last.
 */
public record AuditPage(List<AuditEntry> entries, String nextCursor) {
    public AuditPage {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
