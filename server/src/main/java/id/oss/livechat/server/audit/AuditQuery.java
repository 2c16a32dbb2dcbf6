package id.oss.livechat.server.audit;

import java.time.Instant;

/**
 * What {@code GET /api/audit} asks for: exact actor, action and subject, a time range [from, to),
 * newest first, entries older than {@code beforeId} (the cursor), at most {@code limit}.
 */
public record AuditQuery(
        String actor,
        String action,
        String subject,
        Instant from,
        Instant to,
        Long beforeId,
        int limit) {}
