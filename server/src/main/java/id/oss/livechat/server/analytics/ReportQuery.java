package id.oss.livechat.server.analytics;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Which sessions a report measures: those started in [{@code from}, {@code to}), optionally of one
 * department or agent, with one tag ({@code tagCode}) or close reason ({@code closeReasonCode}),
 * grouped by {@code groupBy} (null: totals only).
 */
public record ReportQuery(
        Instant from,
        Instant to,
        ZoneId zone,
        UUID departmentId,
        UUID agentId,
        GroupBy groupBy,
        String tagCode,
        String closeReasonCode) {

    /** Without the tag and close reason filters. */
    public ReportQuery(
            Instant from,
            Instant to,
            ZoneId zone,
            UUID departmentId,
            UUID agentId,
            GroupBy groupBy) {
        this(from, to, zone, departmentId, agentId, groupBy, null, null);
    }
}
