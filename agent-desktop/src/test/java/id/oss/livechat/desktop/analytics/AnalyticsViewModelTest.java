package id.oss.livechat.desktop.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.testing.DemoData;
import id.oss.livechat.desktop.testing.FakeAnalyticsApi;
import id.oss.livechat.desktop.testing.MutableClock;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.model.analytics.ReportRow;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AnalyticsViewModelTest {
    private final FakeAnalyticsApi api = new FakeAnalyticsApi();
    private final AnalyticsViewModel analytics =
            new AnalyticsViewModel(
                    api,
                    Background.sameThread(),
                    new Localization(AppLanguage.ENGLISH),
                    new MutableClock(DemoData.NOW));

    @Test
    void liveCountersShowTheDashboard() {
        analytics.refreshLive();

        assertThat(analytics.availabilityProperty().get()).isEqualTo(Availability.READY);
        assertThat(analytics.waitingProperty().get()).isEqualTo("4");
        assertThat(analytics.activeProperty().get()).isEqualTo("7");
        assertThat(analytics.agentsOnlineProperty().get()).isEqualTo("5");
        assertThat(analytics.averageWaitProperty().get()).isEqualTo("2:22");
        assertThat(analytics.sessionsTodayProperty().get()).isEqualTo("63");
        assertThat(analytics.abandonmentProperty().get()).isEqualTo("6 %");
    }

    @Test
    void theChartsOfARangeReachingTodayRefreshWithTheCards() {
        analytics.refreshLive();

        // no "Show" pressed: the default range ends today, so its charts come with the cards
        assertThat(analytics.perDay()).hasSize(14);
        assertThat(analytics.perDepartment()).hasSize(3);
        assertThat(api.asked)
                .containsExactlyInAnyOrder(
                        AnalyticsApi.GroupBy.DAY,
                        AnalyticsApi.GroupBy.DEPARTMENT,
                        AnalyticsApi.GroupBy.AGENT);

        // a range in the past is not asked for again every few seconds
        analytics.fromProperty().set(LocalDate.of(2026, 11, 1));
        analytics.toProperty().set(LocalDate.of(2026, 11, 7));
        analytics.loadReport();
        int asked = api.asked.size();
        analytics.refreshLive();
        assertThat(api.asked).hasSize(asked);
    }

    @Test
    void theChartsAreAskedForAgainOnlyWhenTodaysFiguresMoved() {
        analytics.refreshLive();
        int asked = api.asked.size();
        java.util.concurrent.atomic.AtomicInteger redrawn =
                new java.util.concurrent.atomic.AtomicInteger();
        analytics
                .perDay()
                .addListener(
                        (javafx.collections.ListChangeListener<ReportRow>)
                                c -> redrawn.incrementAndGet());

        // every 15 s the cards are refreshed; with nothing new today, no report is asked for
        analytics.refreshLive();
        analytics.refreshLive();
        assertThat(api.asked).hasSize(asked);
        assertThat(redrawn).hasValue(0);

        // a chat more today: the charts come again with it
        api.sessionsToday = 64;
        analytics.refreshLive();
        assertThat(api.asked).hasSize(2 * asked);
    }

    @Test
    void theReportFillsTheChartsForTheLastTwoWeeksByDefault() {
        analytics.loadReport();

        assertThat(analytics.fromProperty().get()).isEqualTo(LocalDate.of(2026, 11, 12));
        assertThat(analytics.perDay()).hasSize(14);
        assertThat(analytics.perDepartment())
                .extracting(ReportRow::label)
                .containsExactly("Perizinan Berusaha", "Layanan OSS", "Pengaduan");
        assertThat(analytics.perAgent()).hasSize(4);
    }

    @Test
    void eachDepartmentShowsItsWaitNowAndTodayAndWhetherAnyAgentCanAnswer() {
        analytics.refreshLive();

        assertThat(analytics.longestWaitProperty().get()).isEqualTo("12:34");
        assertThat(analytics.leftMessagesTodayProperty().get()).isEqualTo("3");
        assertThat(analytics.departments())
                .extracting(DepartmentLine::name)
                .containsExactly("Perizinan Berusaha", "Layanan OSS", "Pengaduan");
        DepartmentLine perizinan = analytics.departments().get(0);
        assertThat(perizinan.waiting()).isEqualTo("2");
        assertThat(perizinan.longestWait()).isEqualTo("5:12");
        assertThat(perizinan.agentsOnline()).isEqualTo("3");
        assertThat(perizinan.averageWaitToday()).isEqualTo("2:30");
        assertThat(perizinan.sessionsToday()).isEqualTo("30");
        assertThat(perizinan.unstaffed()).isFalse();
        DepartmentLine quiet = analytics.departments().get(1);
        assertThat(quiet.longestWait()).as("nobody waits").isEqualTo("–");
        assertThat(quiet.averageWaitToday()).isEqualTo("1:38");
        DepartmentLine pengaduan = analytics.departments().get(2);
        assertThat(pengaduan.waiting()).isEqualTo("2");
        assertThat(pengaduan.leftMessagesWaiting()).isEqualTo("1");
        assertThat(pengaduan.longestWait()).isEqualTo("12:34");
        assertThat(pengaduan.agentsOnline()).isEqualTo("0");
        assertThat(pengaduan.averageWaitToday()).isEqualTo("3:30");
        assertThat(pengaduan.abandonedToday()).isEqualTo("1");
        assertThat(pengaduan.unstaffed()).isTrue();
    }

    @Test
    void aRangeOfOneDayIsShownHourByHourAndALongerOneDayByDay() {
        analytics.fromProperty().set(LocalDate.of(2026, 11, 25));
        analytics.toProperty().set(LocalDate.of(2026, 11, 25));

        analytics.loadReport();

        assertThat(api.asked).contains(AnalyticsApi.GroupBy.HOUR);
        assertThat(analytics.byHourProperty().get()).isTrue();
        assertThat(analytics.perHour()).hasSize(24);
        assertThat(analytics.perHour().get(9).key()).isEqualTo("2026-11-25T09:00");
        assertThat(analytics.perDay()).isEmpty();
        assertThat(analytics.perDepartment()).hasSize(3);

        analytics.fromProperty().set(LocalDate.of(2026, 11, 24));
        analytics.loadReport();

        assertThat(analytics.byHourProperty().get()).isFalse();
        assertThat(analytics.perHour()).isEmpty();
        assertThat(analytics.perDay())
                .extracting(ReportRow::key)
                .containsExactly("2026-11-24", "2026-11-25");
    }

    @Test
    void chartsNameDaysAndTheChatsNoAgentServedInTheChosenLanguage() {
        AnalyticsCharts charts = new AnalyticsCharts(new Localization(AppLanguage.INDONESIAN));

        assertThat(charts.label(new ReportRow("2026-08-17", "2026-08-17", null)))
                .isEqualTo("17 Agu");
        assertThat(charts.label(new ReportRow("none", "(no agent)", null))).isEqualTo("Tanpa agen");
        assertThat(charts.label(new ReportRow("b1c2", "Agus Pratama", null)))
                .isEqualTo("Agus Pratama");
        assertThat(AnalyticsCharts.minutes(null)).as("no chat, no point").isNull();
        assertThat(AnalyticsCharts.minutes(90.0)).isEqualTo(1.5);
    }

    @Test
    void aServerWithoutAnalyticsSaysNotAvailable() {
        api.missing = true;

        analytics.refreshLive();

        assertThat(analytics.availabilityProperty().get()).isEqualTo(Availability.NOT_AVAILABLE);
    }

    @Test
    void aBackwardsOrTooLongRangeIsNotAskedFor() {
        analytics.fromProperty().set(LocalDate.of(2026, 11, 20));
        analytics.toProperty().set(LocalDate.of(2026, 11, 1));
        assertThat(analytics.rangeProblem().get())
                .isEqualTo("The start date must come before the end date.");
        analytics.loadReport();
        assertThat(analytics.perDay()).isEmpty();

        analytics.fromProperty().set(LocalDate.of(2024, 1, 1));
        assertThat(analytics.rangeProblem().get()).isEqualTo("At most 366 days.");

        analytics.fromProperty().set(LocalDate.of(2026, 10, 1));
        assertThat(analytics.rangeProblem().get()).isEmpty();
    }
}
