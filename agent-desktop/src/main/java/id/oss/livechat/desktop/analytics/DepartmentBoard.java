package id.oss.livechat.desktop.analytics;

import id.oss.livechat.desktop.i18n.Localization;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/**
 * The departments now, one line each: who waits there and for how long, who could answer, and
 * today's wait. A line where visitors wait and no agent is online is highlighted and says so.
 * Rebuilt from the view-model's list whenever it changes (on the FX thread, as the list is).
 */
final class DepartmentBoard extends VBox {
    private static final double NUMBER_WIDTH = 118;

    private final Localization i18n;
    private final VBox lines = new VBox();
    // held by the board: the view-model's list holds it only weakly
    private final ListChangeListener<DepartmentLine> onChange;

    DepartmentBoard(ObservableList<DepartmentLine> departments, Localization i18n) {
        this.i18n = i18n;
        setId("department-board");
        getStyleClass().addAll("card", "department-board");
        Label title = new Label(i18n.text("analytics.departments.title"));
        title.getStyleClass().add("board-title");
        getChildren().addAll(title, header(), lines);
        onChange = change -> show(departments);
        departments.addListener(new WeakListChangeListener<>(onChange));
        show(departments);
    }

    private HBox header() {
        HBox header =
                line(
                        new Label(i18n.text("analytics.dept.name")),
                        List.of(
                                i18n.text("analytics.dept.waiting"),
                                i18n.text("analytics.dept.leftMessages"),
                                i18n.text("analytics.dept.longestWait"),
                                i18n.text("analytics.dept.agentsOnline"),
                                i18n.text("analytics.dept.avgWaitToday"),
                                i18n.text("analytics.dept.sessionsToday"),
                                i18n.text("analytics.dept.abandonedToday")),
                        List.of("", "", "", "", "", "", ""));
        header.getStyleClass().add("department-header");
        return header;
    }

    private void show(List<DepartmentLine> departments) {
        lines.getChildren().setAll(departments.stream().map(this::line).toList());
    }

    private HBox line(DepartmentLine department) {
        Label name = new Label(department.name());
        name.getStyleClass().add("dept-name");
        VBox nameCell = new VBox(2, name);
        if (department.unstaffed()) {
            Label badge = new Label(i18n.text("analytics.unstaffed"));
            badge.getStyleClass().add("unstaffed-badge");
            nameCell.getChildren().add(badge);
        }
        HBox line =
                line(
                        nameCell,
                        List.of(
                                department.waiting(),
                                department.leftMessagesWaiting(),
                                department.longestWait(),
                                department.agentsOnline(),
                                department.averageWaitToday(),
                                department.sessionsToday(),
                                department.abandonedToday()),
                        List.of(
                                "dept-waiting",
                                "dept-left-messages",
                                "dept-longest-wait",
                                "dept-agents-online",
                                "dept-avg-wait-today",
                                "dept-sessions-today",
                                "dept-abandoned-today"));
        line.setId("dept-line-" + department.code());
        line.getStyleClass().add("department-line");
        if (department.unstaffed()) {
            line.getStyleClass().add("unstaffed");
        }
        return line;
    }

    private static HBox line(Region first, List<String> values, List<String> styles) {
        HBox line = new HBox(8);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(first, Priority.ALWAYS);
        first.setMaxWidth(Double.MAX_VALUE);
        line.getChildren().add(first);
        for (int i = 0; i < values.size(); i++) {
            Label value = new Label(values.get(i));
            value.setPrefWidth(NUMBER_WIDTH);
            value.setMinWidth(NUMBER_WIDTH);
            value.setAlignment(Pos.CENTER_RIGHT);
            value.setTextAlignment(TextAlignment.RIGHT);
            value.setWrapText(true);
            if (!styles.get(i).isEmpty()) {
                value.getStyleClass().add(styles.get(i));
            }
            line.getChildren().add(value);
        }
        return line;
    }
}
