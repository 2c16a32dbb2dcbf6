package id.oss.livechat.server.analytics;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Which sessions a report measures: those started in [{@code from}, {@code to}), optionally of one
 * department or agent, grouped by {@code groupBy} (null: totals only).
 */
public record ReportQuery(
        Instant from, Instant to, ZoneId zone, UUID departmentId, UUID agentId, GroupBy groupBy) {}
