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
