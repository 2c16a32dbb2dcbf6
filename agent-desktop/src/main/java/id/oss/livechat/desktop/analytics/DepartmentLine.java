package id.oss.livechat.desktop.analytics;

import id.oss.livechat.model.analytics.DepartmentFigures;
import id.oss.livechat.model.analytics.Measures;

/**
 * One department on the analytics pane, as it reads: who waits there now and for how long, who
 * could answer, and how long people waited today. {@code unstaffed}: visitors wait there and no
 * agent of the department is online, so the line is highlighted.
 */
public record DepartmentLine(
        String code,
        String name,
        String waiting,
        String leftMessagesWaiting,
        String longestWait,
        String agentsOnline,
        String averageWaitToday,
        String sessionsToday,
        String abandonedToday,
        boolean unstaffed) {

    static DepartmentLine of(DepartmentFigures figures) {
        Measures today = figures.today();
        return new DepartmentLine(
                figures.department().code(),
                figures.department().name(),
                Long.toString(figures.waiting()),
                Long.toString(figures.leftMessagesWaiting()),
                AnalyticsViewModel.seconds(figures.longestWaitSeconds()),
                Long.toString(figures.agentsOnline()),
                today == null ? "–" : AnalyticsViewModel.seconds(today.avgWaitSeconds()),
                today == null ? "–" : Long.toString(today.sessions()),
                today == null ? "–" : Long.toString(today.abandoned()),
                figures.unstaffed());
    }
}
