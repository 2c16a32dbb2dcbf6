package id.oss.livechat.desktop.hours;

import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.model.staff.DepartmentInfo;
import java.time.DayOfWeek;
import java.util.Locale;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The admins' "Jam layanan" tab: the departments on the left; on the right the chosen one's
 * schedule, one line a day, its time zone, its holidays, or open around the clock.
 */
public final class HoursEditorView extends BorderPane {

    public HoursEditorView(HoursEditorViewModel viewModel, Localization i18n) {
        setId("hours-editor");
        getStyleClass().add("hours-editor");

        ListView<DepartmentInfo> list = new ListView<>(viewModel.departments());
        list.setId("hours-departments");
        list.getStyleClass().add("hours-departments");
        list.setPrefWidth(260);
        list.setCellFactory(
                l ->
                        new ListCell<>() {
                            @Override
                            protected void updateItem(DepartmentInfo d, boolean empty) {
                                super.updateItem(d, empty);
                                setText(empty || d == null ? null : d.name());
                            }
                        });
        list.getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (now != null && now != viewModel.departmentProperty().get()) {
                                viewModel.select(now);
                            }
                        });
        viewModel
                .departmentProperty()
                .addListener((obs, old, now) -> list.getSelectionModel().select(now));
        setLeft(list);
        BorderPane.setMargin(list, new Insets(12, 0, 12, 12));

        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.setId("hours-title");
        title.textProperty()
                .bind(
                        javafx.beans.binding.Bindings.createStringBinding(
                                () ->
                                        viewModel.departmentProperty().get() == null
                                                ? i18n.text("hours.title")
                                                : i18n.text(
                                                        "hours.titleOf",
                                                        viewModel
                                                                .departmentProperty()
                                                                .get()
                                                                .name()),
                                viewModel.departmentProperty()));
        Label now = new Label();
        now.setId("hours-now");
        now.getStyleClass().add("muted");
        now.textProperty().bind(viewModel.nowProperty());

        CheckBox alwaysOpen = new CheckBox(i18n.text("hours.alwaysOpen"));
        alwaysOpen.setId("hours-always-open");
        alwaysOpen.selectedProperty().bindBidirectional(viewModel.alwaysOpenProperty());

        ComboBox<String> zone = new ComboBox<>(viewModel.zones());
        zone.setId("hours-zone");
        zone.valueProperty().bindBidirectional(viewModel.timeZoneProperty());
        zone.setConverter(
                new StringConverter<>() {
                    @Override
                    public String toString(String id) {
                        return id == null ? "" : HoursEditorViewModel.zoneName(id) + " · " + id;
                    }

                    @Override
                    public String fromString(String text) {
                        return text;
                    }
                });

        GridPane week = new GridPane();
        week.setHgap(10);
        week.setVgap(4);
        ColumnConstraints dayColumn = new ColumnConstraints(90);
        ColumnConstraints fieldColumn = new ColumnConstraints();
        fieldColumn.setHgrow(Priority.ALWAYS);
        week.getColumnConstraints().addAll(dayColumn, fieldColumn);
        int row = 0;
        week.add(field(i18n.text("hours.zone")), 0, row);
        week.add(zone, 1, row++);
        week.add(problem("hours-zone-problem", viewModel.zoneProblemProperty()), 1, row++);
        for (DayOfWeek day : DayOfWeek.values()) {
            String id = day.name().toLowerCase(Locale.ROOT);
            TextField shifts = new TextField();
            shifts.setId("hours-day-" + id);
            shifts.setPromptText(i18n.text("hours.closedDay"));
            shifts.textProperty().bindBidirectional(viewModel.dayProperty(day));
            week.add(field(i18n.text("hours.day." + id)), 0, row);
            week.add(shifts, 1, row++);
            week.add(problem("hours-problem-" + id, viewModel.dayProblemProperty(day)), 1, row++);
        }
        Label hint = new Label(i18n.text("hours.hint"));
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);

        TextArea holidays = new TextArea();
        holidays.setId("hours-holidays");
        holidays.setPrefRowCount(4);
        holidays.setPromptText(i18n.text("hours.holidays.prompt"));
        holidays.textProperty().bindBidirectional(viewModel.holidaysProperty());

        VBox schedule =
                new VBox(
                        8,
                        week,
                        hint,
                        field(i18n.text("hours.holidays")),
                        holidays,
                        problem("hours-holidays-problem", viewModel.holidaysProblemProperty()));
        schedule.disableProperty().bind(viewModel.alwaysOpenProperty());

        Button save = new Button(i18n.text("hours.save"));
        save.setId("hours-save");
        save.getStyleClass().add("primary");
        save.setDefaultButton(true);
        save.disableProperty().bind(viewModel.busyProperty());
        save.setOnAction(e -> viewModel.save());
        Label status = new Label();
        status.setId("hours-status");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        HBox actions = new HBox(12, save, status);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox form = new VBox(12, title, now, alwaysOpen, schedule, actions);
        form.setPadding(new Insets(16));
        form.setMaxWidth(640);
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        setCenter(scroll);
    }

    private static Label field(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        return label;
    }

    private static Label problem(String id, StringBinding text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("error-text");
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty().bind(text.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
