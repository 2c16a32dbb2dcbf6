package id.oss.livechat.desktop.audit;

import java.time.Instant;

/**
 * One entry of the audit trail as {@code GET /api/audit} sends it: when, who (a staff user name,
 * {@code system}, {@code retention} or {@code visitor}), from which address, what, about which
 * subject (ids, never the personal data itself), and a short detail.
 */
public record AuditEntry(
        Instant at, String actor, String address, String action, String subject, String detail) {}
