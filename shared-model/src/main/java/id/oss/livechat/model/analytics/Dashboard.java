package id.oss.livechat.model.analytics;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/analytics/dashboard}: what is happening now (waiting, active, agents online) and
 * today's measures ("today" in the help desk's time zone), in total and per department.
 */
public record Dashboard(
        Instant generatedAt,
        String timezone,
        long waiting,
        long active,
        long agentsOnline,
        Measures today,
        List<DepartmentFigures> departments) {}
