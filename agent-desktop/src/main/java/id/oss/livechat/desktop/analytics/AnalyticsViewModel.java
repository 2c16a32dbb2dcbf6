package id.oss.livechat.desktop.analytics;

import id.oss.livechat.desktop.connection.ApiException;
import id.oss.livechat.desktop.i18n.ErrorTexts;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.desktop.util.Durations;
import id.oss.livechat.model.analytics.AnalyticsReport;
import id.oss.livechat.model.analytics.Dashboard;
import id.oss.livechat.model.analytics.Measures;
import id.oss.livechat.model.analytics.ReportRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The supervisors' pane: live counters and each department's queue now (highlighted where visitors
 * wait and no agent is online), and measures over a chosen date range per day (per hour when the
 * range is one day), department and agent, for the charts.
 */
public final class AnalyticsViewModel {
    static final long MAX_RANGE_DAYS = 366;

    // Properties
    private final ReadOnlyObjectWrapper<Availability> availability =
            new ReadOnlyObjectWrapper<>(Availability.LOADING);
    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper longestWait = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper active = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper agentsOnline = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper averageWait = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper sessionsToday = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper abandonment = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper leftMessagesToday = new ReadOnlyStringWrapper("–");
    private final ObservableList<DepartmentLine> departments = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper byHour = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringBinding rangeProblem;
    private final ObservableList<ReportRow> perDay = FXCollections.observableArrayList();
    private final ObservableList<ReportRow> perHour = FXCollections.observableArrayList();
    private final ObservableList<ReportRow> perDepartment = FXCollections.observableArrayList();
    private final ObservableList<ReportRow> perAgent = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(false);

    private final AnalyticsApi api;
    private final Background background;
    private final Localization i18n;
    private final Clock clock;
    // today's figures of the last dashboard shown: the charts are asked for again when they move
    private boolean dashboardShown;
    private Measures shownToday;

    public AnalyticsViewModel(
            AnalyticsApi api, Background background, Localization i18n, Clock clock) {
        this.api = api;
        this.background = background;
        this.i18n = i18n;
        this.clock = clock;
        // the help desk's days, as the server counts them: the desk's own time zone, not UTC
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
        to.set(today);
        from.set(today.minusDays(13));
        rangeProblem =
                Bindings.createStringBinding(
                        () -> problemOf(from.get(), to.get()), from, to, i18n.languageProperty());
    }

    public ReadOnlyObjectProperty<Availability> availabilityProperty() {
        return availability.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** The longest any visitor still there has waited, as of the last refresh. */
    public ReadOnlyStringProperty longestWaitProperty() {
        return longestWait.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty leftMessagesTodayProperty() {
        return leftMessagesToday.getReadOnlyProperty();
    }

    /** Each department now, in the server's order. */
    public ObservableList<DepartmentLine> departments() {
        return departments;
    }

    /** Whether the charts show the hours of one day ({@link #perHour()}) or days. */
    public ReadOnlyBooleanProperty byHourProperty() {
        return byHour.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty agentsOnlineProperty() {
        return agentsOnline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty averageWaitProperty() {
        return averageWait.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sessionsTodayProperty() {
        return sessionsToday.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty abandonmentProperty() {
        return abandonment.getReadOnlyProperty();
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Empty, or why the chosen range cannot be asked for. */
    public StringBinding rangeProblem() {
        return rangeProblem;
    }

    public ObservableList<ReportRow> perDay() {
        return perDay;
    }

    /** The 24 hours of the chosen day, when the range is one day; empty otherwise. */
    public ObservableList<ReportRow> perHour() {
        return perHour;
    }

    public ObservableList<ReportRow> perDepartment() {
        return perDepartment;
    }

    public ObservableList<ReportRow> perAgent() {
        return perAgent;
    }

    /** Empty, or what the last export did: where it saved the file, or why it could not. */
    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }

    /** True while an export is being fetched and written. */
    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /**
     * The name offered for the export of the chosen range: {@code
     * analitik-2026-11-01-2026-11-14.csv} (per day; per hour when the range is one day).
     */
    public String exportFileName() {
        return i18n.text(
                "analytics.export.fileName", String.valueOf(from.get()), String.valueOf(to.get()));
    }

    // Commands

    /**
     * Saves the chosen range's report, per day (per hour when the range is one day), as CSV in
     * {@code target}: fetched and written in the background, with the outcome in {@link
     * #exportStatusProperty()}.
     */
    public void exportTo(Path target) {
        if (!rangeProblem.get().isEmpty() || exporting.get()) {
            return;
        }
        LocalDate start = from.get();
        LocalDate end = to.get();
        AnalyticsApi.GroupBy grouping =
                start.equals(end) ? AnalyticsApi.GroupBy.HOUR : AnalyticsApi.GroupBy.DAY;
        exporting.set(true);
        exportStatus.set(i18n.text("analytics.export.running"));
        background.run(
                () -> {
                    String csv = api.exportCsv(start, end, grouping);
                    Files.writeString(target, csv, StandardCharsets.UTF_8);
                    return target;
                },
                saved -> {
                    exporting.set(false);
                    exportStatus.set(i18n.text("analytics.export.saved", saved.getFileName()));
                },
                error -> {
                    exporting.set(false);
                    exportStatus.set(
                            error instanceof java.io.IOException
                                    ? i18n.text("analytics.export.notWritten", target)
                                    : ErrorTexts.of(error, i18n, "analytics.export.failed"));
                });
    }

    /**
     * The live counters; called when the pane opens and every few seconds after. The charts of a
     * range that reaches today move with the cards (today's chats are in both), so they are asked
     * for again when today's figures moved, and only then; a range in the past stays as it was.
     */
    public void refreshLive() {
        background.run(api::dashboard, this::showLive, this::failed);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
    }

    /** The charts for the chosen range: a range of one day is shown hour by hour. */
    public void loadReport() {
        if (!rangeProblem.get().isEmpty()) {
            return;
        }
        LocalDate start = from.get();
        LocalDate end = to.get();
        boolean oneDay = start.equals(end);
        AnalyticsApi.GroupBy timeline =
                oneDay ? AnalyticsApi.GroupBy.HOUR : AnalyticsApi.GroupBy.DAY;
        background.run(
                () ->
                        List.of(
                                api.report(start, end, timeline),
                                api.report(start, end, AnalyticsApi.GroupBy.DEPARTMENT),
                                api.report(start, end, AnalyticsApi.GroupBy.AGENT)),
                reports -> {
                    showIfChanged(perHour, oneDay ? rows(reports.get(0)) : List.of());
                    showIfChanged(perDay, oneDay ? List.of() : rows(reports.get(0)));
                    byHour.set(oneDay);
                    showIfChanged(perDepartment, rows(reports.get(1)));
                    showIfChanged(perAgent, rows(reports.get(2)));
                },
                this::failed);
    }

    /**
     * The live refresh asks for the charts every few seconds; a chart is redrawn only when its
     * figures moved, so it neither flickers nor restarts its animation for nothing.
     */
    private static void showIfChanged(ObservableList<ReportRow> shown, List<ReportRow> rows) {
        if (!shown.equals(rows)) {
            shown.setAll(rows);
        }
    }

    private static List<ReportRow> rows(AnalyticsReport report) {
        return report.rows() == null ? List.of() : report.rows();
    }

    private void showLive(Dashboard figures) {
        boolean todayMoved = !dashboardShown || !Objects.equals(figures.today(), shownToday);
        dashboardShown = true;
        shownToday = figures.today();
        if (todayMoved && !to.get().isBefore(today())) {
            loadReport();
        }
        availability.set(Availability.READY);
        waiting.set(Long.toString(figures.waiting()));
        longestWait.set(seconds(figures.longestWaitSeconds()));
        active.set(Long.toString(figures.active()));
        agentsOnline.set(Long.toString(figures.agentsOnline()));
        var today = figures.today();
        sessionsToday.set(today == null ? "–" : Long.toString(today.sessions()));
        averageWait.set(today == null ? "–" : seconds(today.avgWaitSeconds()));
        abandonment.set(
                today == null || today.abandonmentRate() == null
                        ? "–"
                        : String.format(Locale.ROOT, "%.0f %%", today.abandonmentRate() * 100));
        leftMessagesToday.set(today == null ? "–" : Long.toString(today.leftMessages()));
        departments.setAll(
                figures.departments() == null
                        ? List.of()
                        : figures.departments().stream().map(DepartmentLine::of).toList());
    }

    private void failed(Throwable error) {
        if (error instanceof ApiException api && api.status() == 404) {
            availability.set(Availability.NOT_AVAILABLE);
        } else if (availability.get() != Availability.READY) {
            // figures already on screen stay; a passing failure does not wipe them
            availability.set(Availability.FAILED);
        }
    }

    private String problemOf(LocalDate start, LocalDate end) {
        if (start == null || end == null) {
            return i18n.text("analytics.range.missing");
        }
        if (start.isAfter(end)) {
            return i18n.text("analytics.range.order");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_RANGE_DAYS) {
            return i18n.text("analytics.range.tooLong", MAX_RANGE_DAYS);
        }
        return "";
    }

    static String seconds(Double value) {
        return value == null ? "–" : Durations.clock(Duration.ofSeconds(Math.round(value)));
    }
}
