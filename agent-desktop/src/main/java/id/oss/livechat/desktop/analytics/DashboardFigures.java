package id.oss.livechat.desktop.analytics;

import java.util.List;

/**
 * {@code GET /api/analytics/dashboard}. Stand-in for the shared-model record of issue 5; averages
 * are null while there is nothing to average.
 */
public record DashboardFigures(
        long waiting,
        long active,
        long agentsOnline,
        long sessionsToday,
        Double avgWaitSeconds,
        Double avgFirstResponseSeconds,
        Double avgDurationSeconds,
        Double abandonmentRate,
        List<DepartmentFigures> perDepartment) {

    /** One department's live load. */
    public record DepartmentFigures(String name, long waiting, long active, long agentsOnline) {}
}
