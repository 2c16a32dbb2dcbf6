package id.oss.livechat.desktop.analytics;

import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.SaveDialog;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The supervisors' pane: live counters and the departments now on top, charts over the chosen dates
 * below.
 */
public final class AnalyticsView extends StackPane {
    private final Timeline live;

    public AnalyticsView(AnalyticsViewModel viewModel, Localization i18n, SaveDialog saveDialog) {
        getStyleClass().add("analytics");
        setId("analytics-pane");

        HBox counters =
                new HBox(
                        12,
                        tile(
                                i18n.text("analytics.waiting"),
                                viewModel.waitingProperty(),
                                "tile-waiting"),
                        tile(
                                i18n.text("analytics.longestWait"),
                                viewModel.longestWaitProperty(),
                                "tile-longest-wait"),
                        tile(
                                i18n.text("analytics.active"),
                                viewModel.activeProperty(),
                                "tile-active"),
                        tile(
                                i18n.text("analytics.agentsOnline"),
                                viewModel.agentsOnlineProperty(),
                                "tile-agents"),
                        tile(
                                i18n.text("analytics.avgWait"),
                                viewModel.averageWaitProperty(),
                                "tile-wait"),
                        tile(
                                i18n.text("analytics.today"),
                                viewModel.sessionsTodayProperty(),
                                "tile-today"),
                        tile(
                                i18n.text("analytics.abandonment"),
                                viewModel.abandonmentProperty(),
                                "tile-abandon"),
                        tile(
                                i18n.text("analytics.leftMessagesToday"),
                                viewModel.leftMessagesTodayProperty(),
                                "tile-left-messages"));
        counters.setId("analytics-counters");

        DatePicker from = datePicker(i18n);
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        DatePicker to = datePicker(i18n);
        to.valueProperty().bindBidirectional(viewModel.toProperty());
        Button show = new Button(i18n.text("analytics.show"));
        show.getStyleClass().add("primary");
        show.disableProperty().bind(viewModel.rangeProblem().isNotEmpty());
        show.setOnAction(e -> viewModel.loadReport());
        Label problem = new Label();
        problem.getStyleClass().add("error-text");
        problem.textProperty().bind(viewModel.rangeProblem());
        // the chosen range as CSV, saved where the supervisor says
        Button export = new Button(i18n.text("analytics.export"));
        export.setId("export-button");
        export.setTooltip(new Tooltip(i18n.text("analytics.export.tooltip")));
        export.disableProperty()
                .bind(viewModel.rangeProblem().isNotEmpty().or(viewModel.exportingProperty()));
        export.setOnAction(
                e ->
                        saveDialog
                                .choose(
                                        getScene().getWindow(),
                                        i18n.text("analytics.export.title"),
                                        viewModel.exportFileName())
                                .ifPresent(viewModel::exportTo));
        Label exportStatus = new Label();
        exportStatus.setId("export-status");
        exportStatus.getStyleClass().add("muted");
        exportStatus.textProperty().bind(viewModel.exportStatusProperty());
        HBox range =
                new HBox(
                        8,
                        new Label(i18n.text("analytics.from")),
                        from,
                        new Label(i18n.text("analytics.to")),
                        to,
                        show,
                        export,
                        problem,
                        exportStatus);
        range.setAlignment(Pos.CENTER_LEFT);
        range.getStyleClass().add("range-bar");

        DepartmentBoard board = new DepartmentBoard(viewModel.departments(), i18n);
        ReportGrid grid = new ReportGrid(viewModel, i18n);

        VBox content = new VBox(14, counters, board, range, grid);
        content.getStyleClass().add("analytics-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.visibleProperty()
                .bind(viewModel.availabilityProperty().isNotEqualTo(Availability.NOT_AVAILABLE));

        Label unavailable = new Label(i18n.text("analytics.unavailable"));
        unavailable.setId("analytics-unavailable");
        unavailable.getStyleClass().add("placeholder-title");
        Label unavailableHint = new Label(i18n.text("analytics.unavailable.hint"));
        unavailableHint.getStyleClass().add("muted");
        VBox notAvailable = new VBox(6, unavailable, unavailableHint);
        notAvailable.setAlignment(Pos.CENTER);
        notAvailable
                .visibleProperty()
                .bind(viewModel.availabilityProperty().isEqualTo(Availability.NOT_AVAILABLE));

        Label failed = new Label(i18n.text("analytics.failed"));
        failed.getStyleClass().add("error-text");
        failed.visibleProperty()
                .bind(viewModel.availabilityProperty().isEqualTo(Availability.FAILED));
        StackPane.setAlignment(failed, Pos.BOTTOM_CENTER);

        getChildren().addAll(scroll, notAvailable, failed);

        live = new Timeline(new KeyFrame(Duration.seconds(15), e -> viewModel.refreshLive()));
        live.setCycleCount(Animation.INDEFINITE);
        live.play();
    }

    public void dispose() {
        live.stop();
    }

    /** Dates as the chosen language writes them ("12 Nov 2026"), not the JVM's locale. */
    private static DatePicker datePicker(Localization i18n) {
        DatePicker picker = new DatePicker();
        picker.setConverter(
                new javafx.util.converter.LocalDateStringConverter(
                        java.time.format.DateTimeFormatter.ofLocalizedDate(
                                        java.time.format.FormatStyle.MEDIUM)
                                .withLocale(i18n.locale()),
                        null));
        picker.setPrefWidth(150);
        return picker;
    }

    private static VBox tile(String title, ObservableStringValue value, String id) {
        Label number = new Label();
        number.getStyleClass().add("tile-value");
        number.textProperty().bind(Bindings.createStringBinding(value::get, value));
        Label caption = new Label(title);
        caption.getStyleClass().add("tile-caption");
        VBox tile = new VBox(2, number, caption);
        tile.setId(id);
        tile.getStyleClass().add("tile");
        HBox.setHgrow(tile, Priority.ALWAYS);
        tile.setMaxWidth(Double.MAX_VALUE);
        return tile;
    }
}
