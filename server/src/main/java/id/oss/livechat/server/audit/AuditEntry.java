package id.oss.livechat.server.audit;

import java.time.Instant;

/** One stored entry of the audit trail, as the admin reads it. */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String address,
        String action,
        String subject,
        String detail) {}
