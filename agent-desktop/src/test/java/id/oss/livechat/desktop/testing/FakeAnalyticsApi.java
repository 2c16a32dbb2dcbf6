package id.oss.livechat.desktop.testing;

import id.oss.livechat.desktop.analytics.AnalyticsApi;
import id.oss.livechat.desktop.connection.ApiException;
import id.oss.livechat.model.analytics.AnalyticsReport;
import id.oss.livechat.model.analytics.Dashboard;
import id.oss.livechat.model.analytics.DepartmentFigures;
import id.oss.livechat.model.analytics.Measures;
import id.oss.livechat.model.analytics.ReportRow;
import id.oss.livechat.model.visitor.DepartmentRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Analytics figures for tests and screenshots; {@code missing} plays an older server (404). */
public final class FakeAnalyticsApi implements AnalyticsApi {
    public volatile boolean missing;

    /** The groupings asked for, in order. */
    public final List<GroupBy> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Today's chats so far, as the dashboard says; a test moves it to move today's figures. */
    public volatile long sessionsToday = 63;

    @Override
    public Dashboard dashboard() {
        if (missing) {
            throw new ApiException(404, "not_found", null);
        }
        // Pengaduan: two visitors wait (one a left message) and none of its agents is online
        return new Dashboard(
                DemoData.NOW,
                "Asia/Jakarta",
                4,
                1,
                754.0,
                7,
                5,
                measures(sessionsToday, 4, 3, 142.0, 48.0, 611.0, 0.06),
                List.of(
                        new DepartmentFigures(
                                new DepartmentRef(UUID.randomUUID(), "PB", "Perizinan Berusaha"),
                                2,
                                0,
                                312.0,
                                4,
                                3,
                                false,
                                measures(30, 2, 1, 150.0, 52.0, 640.0, 0.07)),
                        new DepartmentFigures(
                                new DepartmentRef(UUID.randomUUID(), "LO", "Layanan OSS"),
                                0,
                                0,
                                null,
                                3,
                                2,
                                false,
                                measures(24, 1, 0, 98.0, 41.0, 480.0, 0.04)),
                        new DepartmentFigures(
                                new DepartmentRef(UUID.randomUUID(), "PG", "Pengaduan"),
                                2,
                                1,
                                754.0,
                                0,
                                0,
                                true,
                                measures(9, 1, 2, 210.0, 66.0, 820.0, 0.13))));
    }

    private static Measures measures(
            long sessions,
            long abandoned,
            Double wait,
            Double firstResponse,
            Double duration,
            Double abandonmentRate) {
        return measures(
                sessions, abandoned, sessions / 20, wait, firstResponse, duration, abandonmentRate);
    }

    private static Measures measures(
            long sessions,
            long abandoned,
            long leftMessages,
            Double wait,
            Double firstResponse,
            Double duration,
            Double abandonmentRate) {
        long assigned = sessions - abandoned;
        return new Measures(
                sessions,
                assigned,
                abandoned,
                abandonmentRate,
                leftMessages,
                wait,
                firstResponse,
                duration,
                4,
                assigned / 4.0,
                0,
                null);
    }

    private static ReportRow row(
            String key,
            String label,
            long sessions,
            double wait,
            double firstResponse,
            double duration,
            long abandoned) {
        return new ReportRow(
                key,
                label,
                measures(
                        sessions,
                        abandoned,
                        sessions == 0 ? null : wait,
                        sessions == 0 ? null : firstResponse,
                        sessions == 0 ? null : duration,
                        sessions == 0 ? null : (double) abandoned / sessions));
    }

    /** The exports asked for: "from to group". */
    public final List<String> exports = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** What an export answers: the report's first lines, as the server writes them. */
    @Override
    public String exportCsv(LocalDate from, LocalDate to, GroupBy groupBy) {
        if (missing) {
            throw new ApiException(404, "not_found", null);
        }
        exports.add(from + " " + to + " " + groupBy.wire());
        return "key,label,sessions\r\n" + from + "," + from + ",38\r\ntotal,Total,38\r\n";
    }

    @Override
    public AnalyticsReport report(LocalDate from, LocalDate to, GroupBy groupBy) {
        if (missing) {
            throw new ApiException(404, "not_found", null);
        }
        asked.add(groupBy);
        List<ReportRow> rows = new ArrayList<>();
        switch (groupBy) {
            case DAY -> {
                int i = 0;
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1), i++) {
                    long sessions =
                            38 + (i * 7) % 23 + (d.getDayOfWeek().getValue() >= 6 ? -25 : 0);
                    rows.add(
                            row(
                                    d.toString(),
                                    d.toString(),
                                    sessions,
                                    90.0 + (i * 37) % 120,
                                    35.0 + (i * 13) % 40,
                                    540.0,
                                    sessions / 15));
                }
            }
            case HOUR -> {
                // a working day: quiet at night, busy from eight to four, a lunch dip
                for (int hour = 0; hour < 24; hour++) {
                    long sessions =
                            hour < 7 || hour > 20
                                    ? 0
                                    : hour == 12
                                            ? 4
                                            : hour >= 8 && hour <= 16 ? 6 + (hour * 5) % 7 : 2;
                    String key = String.format("%sT%02d:00", from, hour);
                    rows.add(
                            row(
                                    key,
                                    String.format("%02d:00", hour),
                                    sessions,
                                    60.0 + hour * 12,
                                    30.0 + (hour * 7) % 30,
                                    540.0,
                                    sessions / 6));
                }
            }
            case DEPARTMENT -> {
                rows.add(row("PB", "Perizinan Berusaha", 412, 150.0, 52.0, 640.0, 21));
                rows.add(row("LO", "Layanan OSS", 286, 98.0, 41.0, 480.0, 12));
                rows.add(row("PG", "Pengaduan", 74, 210.0, 66.0, 820.0, 7));
            }
            case AGENT -> {
                rows.add(row("agent1", "Dewi Lestari", 231, 120.0, 38.0, 600.0, 0));
                rows.add(row("agent2", "Rudi Hartono", 198, 131.0, 45.0, 570.0, 0));
                rows.add(row("agent3", "Maya Sari", 176, 117.0, 51.0, 655.0, 0));
                rows.add(row("supervisor", "Rina Wijaya", 42, 101.0, 33.0, 500.0, 0));
            }
        }
        return new AnalyticsReport(from, to, groupBy.wire(), "Asia/Jakarta", null, rows);
    }
}
