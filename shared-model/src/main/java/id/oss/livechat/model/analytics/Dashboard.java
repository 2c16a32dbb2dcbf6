package id.oss.livechat.model.analytics;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/analytics/dashboard}: what is happening now (waiting, the longest wait, active,
 * agents online) as of {@code generatedAt}, and today's measures ("today" in the help desk's time
 * zone), in total and per department.
 */
public record Dashboard(
        Instant generatedAt,
        String timezone,
        long waiting,
        long leftMessagesWaiting,
        Double longestWaitSeconds,
        long active,
        long agentsOnline,
        Measures today,
        List<DepartmentFigures> departments) {}
