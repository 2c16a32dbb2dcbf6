package id.oss.livechat.desktop.testing;

import id.oss.livechat.desktop.analytics.AnalyticsApi;
import id.oss.livechat.desktop.analytics.AnalyticsReport;
import id.oss.livechat.desktop.analytics.DashboardFigures;
import id.oss.livechat.desktop.connection.ApiException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Analytics figures for tests and screenshots; {@code missing} plays an older server (404). */
public final class FakeAnalyticsApi implements AnalyticsApi {
    public volatile boolean missing;

    @Override
    public DashboardFigures dashboard() {
        if (missing) {
            throw new ApiException(404, "not_found", null);
        }
        return new DashboardFigures(
                4,
                7,
                5,
                63,
                142.0,
                48.0,
                611.0,
                0.06,
                List.of(new DashboardFigures.DepartmentFigures("Perizinan Berusaha", 2, 4, 3)));
    }

    @Override
    public AnalyticsReport report(LocalDate from, LocalDate to, GroupBy groupBy) {
        if (missing) {
            throw new ApiException(404, "not_found", null);
        }
        List<AnalyticsReport.Row> rows = new ArrayList<>();
        switch (groupBy) {
            case DAY -> {
                int i = 0;
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1), i++) {
                    long sessions =
                            38 + (i * 7) % 23 + (d.getDayOfWeek().getValue() >= 6 ? -25 : 0);
                    rows.add(
                            new AnalyticsReport.Row(
                                    d.toString(),
                                    d.getDayOfMonth() + "/" + d.getMonthValue(),
                                    sessions,
                                    90.0 + (i * 37) % 120,
                                    35.0 + (i * 13) % 40,
                                    540.0,
                                    sessions / 15));
                }
            }
            case DEPARTMENT -> {
                rows.add(
                        new AnalyticsReport.Row(
                                "PB", "Perizinan Berusaha", 412, 150.0, 52.0, 640.0, 21));
                rows.add(new AnalyticsReport.Row("LO", "Layanan OSS", 286, 98.0, 41.0, 480.0, 12));
                rows.add(new AnalyticsReport.Row("PG", "Pengaduan", 74, 210.0, 66.0, 820.0, 7));
            }
            case AGENT -> {
                rows.add(
                        new AnalyticsReport.Row(
                                "agent1", "Dewi Lestari", 231, 120.0, 38.0, 600.0, 0));
                rows.add(
                        new AnalyticsReport.Row(
                                "agent2", "Rudi Hartono", 198, 131.0, 45.0, 570.0, 0));
                rows.add(
                        new AnalyticsReport.Row("agent3", "Maya Sari", 176, 117.0, 51.0, 655.0, 0));
                rows.add(
                        new AnalyticsReport.Row(
                                "supervisor", "Rina Wijaya", 42, 101.0, 33.0, 500.0, 0));
            }
        }
        return new AnalyticsReport(from, to, groupBy.wire(), rows);
    }
}
