package id.oss.livechat.desktop.audit;

import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.SaveDialog;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The admins' Audit tab: the filters and the export on top, the entries in a table, the count and
 * "more" below.
 */
public final class AuditView extends BorderPane {

    public AuditView(AuditViewModel viewModel, Localization i18n, SaveDialog saveDialog) {
        setId("audit-pane");
        getStyleClass().add("audit");

        TextField actor = new TextField();
        actor.setId("audit-actor");
        actor.setPromptText(i18n.text("audit.actor.prompt"));
        actor.setPrefWidth(140);
        actor.textProperty().bindBidirectional(viewModel.actorProperty());
        actor.setOnAction(e -> viewModel.search());

        ComboBox<String> action = new ComboBox<>();
        action.setId("audit-action");
        action.getItems().add("");
        action.getItems().addAll(AuditViewModel.ACTIONS);
        action.setEditable(true);
        action.setVisibleRowCount(12);
        action.setPromptText(i18n.text("audit.action.prompt"));
        action.setPrefWidth(210);
        action.getEditor().textProperty().bindBidirectional(viewModel.actionProperty());
        action.getEditor().setOnAction(e -> viewModel.search());

        DatePicker from = datePicker(i18n, "audit-from");
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        DatePicker to = datePicker(i18n, "audit-to");
        to.valueProperty().bindBidirectional(viewModel.toProperty());

        Button show = new Button(i18n.text("audit.show"));
        show.setId("audit-show");
        show.getStyleClass().add("primary");
        show.disableProperty()
                .bind(viewModel.filterProblem().isNotEmpty().or(viewModel.loadingProperty()));
        show.setOnAction(e -> viewModel.search());

        // the same filters as CSV, saved where the admin says
        Button export = new Button(i18n.text("audit.export"));
        export.setId("audit-export");
        export.setTooltip(new Tooltip(i18n.text("audit.export.tooltip")));
        export.disableProperty()
                .bind(viewModel.filterProblem().isNotEmpty().or(viewModel.exportingProperty()));
        export.setOnAction(
                e ->
                        saveDialog
                                .choose(
                                        getScene().getWindow(),
                                        i18n.text("audit.export.title"),
                                        viewModel.exportFileName())
                                .ifPresent(viewModel::exportTo));

        Label problem = new Label();
        problem.setId("audit-problem");
        problem.getStyleClass().add("error-text");
        problem.textProperty().bind(viewModel.filterProblem());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        Label exportStatus = new Label();
        exportStatus.setId("audit-export-status");
        exportStatus.getStyleClass().add("muted");
        exportStatus.textProperty().bind(viewModel.exportStatusProperty());

        HBox filters =
                new HBox(
                        8,
                        field(i18n.text("audit.actor"), actor),
                        field(i18n.text("audit.action"), action),
                        field(i18n.text("audit.from"), from),
                        field(i18n.text("audit.to"), to),
                        show,
                        export,
                        problem,
                        exportStatus);
        filters.setAlignment(Pos.BOTTOM_LEFT);
        filters.getStyleClass().add("range-bar");

        Label title = new Label(i18n.text("audit.title"));
        title.getStyleClass().add("section-title");
        Label hint = new Label(i18n.text("audit.hint"));
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        VBox top = new VBox(6, title, hint, filters);
        top.getStyleClass().add("audit-top");
        setTop(top);

        setCenter(table(viewModel, i18n));

        Label status = new Label();
        status.setId("audit-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(viewModel.statusProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button more = new Button(i18n.text("audit.more"));
        more.setId("audit-more");
        more.visibleProperty().bind(viewModel.moreAvailableProperty());
        more.disableProperty().bind(viewModel.loadingProperty());
        more.setOnAction(e -> viewModel.more());
        HBox bottom = new HBox(8, status, gap, more);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.getStyleClass().add("audit-bottom");
        setBottom(bottom);
    }

    private static TableView<AuditLine> table(AuditViewModel viewModel, Localization i18n) {
        TableView<AuditLine> table = new TableView<>(viewModel.lines());
        table.setId("audit-table");
        table.setPlaceholder(new Label(i18n.text("audit.placeholder")));
        table.getColumns()
                .addAll(
                        List.of(
                                column(i18n.text("audit.column.time"), AuditLine::time, 150),
                                column(i18n.text("audit.column.actor"), AuditLine::actor, 120),
                                column(i18n.text("audit.column.action"), AuditLine::action, 200),
                                column(i18n.text("audit.column.subject"), AuditLine::subject, 350),
                                column(i18n.text("audit.column.address"), AuditLine::address, 120),
                                column(i18n.text("audit.column.detail"), AuditLine::detail, 320)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static TableColumn<AuditLine, String> column(
            String title, Function<AuditLine, String> text, double width) {
        TableColumn<AuditLine, String> column = new TableColumn<>(title);
        column.setCellValueFactory(
                cell ->
                        (ObservableValue<String>)
                                new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private static VBox field(String caption, Region control) {
        Label label = new Label(caption);
        label.getStyleClass().add("field-label");
        return new VBox(2, label, control);
    }

    /** Dates as the chosen language writes them ("12 Nov 2026"), not the JVM's locale. */
    private static DatePicker datePicker(Localization i18n, String id) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setConverter(
                new javafx.util.converter.LocalDateStringConverter(
                        java.time.format.DateTimeFormatter.ofLocalizedDate(
                                        java.time.format.FormatStyle.MEDIUM)
                                .withLocale(i18n.locale()),
                        null));
        picker.setPrefWidth(140);
        return picker;
    }
}
