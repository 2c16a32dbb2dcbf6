package id.oss.livechat.desktop.fx;

import static id.oss.livechat.desktop.fx.FxDesk.eventually;
import static id.oss.livechat.desktop.fx.FxDesk.fx;
import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.analytics.AnalyticsViewModel;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.testing.DemoData;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class AnalyticsPaneTest {
    private final FxDesk desk = new FxDesk(AppLanguage.ENGLISH);

    @Start
    void start(Stage stage) {
        desk.showMain(stage, DemoData.SUPERVISOR);
    }

    @Test
    void aSupervisorSeesLiveCountersAndCharts(FxRobot robot) {
        FxDesk.selectTab(robot, "tab-analytics");

        eventually(() -> "4".equals(tileValue(robot, "#tile-waiting")));
        assertThat(fx(() -> tileValue(robot, "#tile-active"))).isEqualTo("7");
        assertThat(fx(() -> tileValue(robot, "#tile-agents"))).isEqualTo("5");
        assertThat(fx(() -> tileValue(robot, "#tile-wait"))).isEqualTo("2:22");
        eventually(
                () -> {
                    BarChart<?, ?> chart = robot.lookup("#chart-per-day").queryAs(BarChart.class);
                    return chart.getData().get(0).getData().size() == 14;
                });
        assertThat(fx(() -> robot.lookup(".chart-bar").queryAll().size())).isGreaterThan(14);
    }

    @Test
    void eachDepartmentShowsItsWaitAndTheOneWithNoAgentOnlineStandsOut(FxRobot robot) {
        openAnalytics(robot);

        eventually(() -> robot.lookup("#dept-line-PG").tryQuery().isPresent());
        assertThat(fx(() -> tileValue(robot, "#tile-longest-wait"))).isEqualTo("12:34");
        assertThat(fx(() -> cell(robot, "PB", ".dept-avg-wait-today"))).isEqualTo("2:30");
        assertThat(fx(() -> cell(robot, "PB", ".dept-longest-wait"))).isEqualTo("5:12");
        assertThat(fx(() -> cell(robot, "PG", ".dept-avg-wait-today"))).isEqualTo("3:30");
        assertThat(fx(() -> cell(robot, "PG", ".dept-longest-wait"))).isEqualTo("12:34");
        assertThat(fx(() -> cell(robot, "PG", ".dept-agents-online"))).isEqualTo("0");

        // Pengaduan: visitors wait and none of its agents is online; the others are fine
        Node pengaduan = fx(() -> robot.lookup("#dept-line-PG").query());
        assertThat(fx(() -> pengaduan.getStyleClass())).contains("unstaffed");
        assertThat(fx(() -> badge(pengaduan))).isEqualTo("Visitors waiting, no agent online");
        for (String calm : List.of("PB", "LO")) {
            Node line = fx(() -> robot.lookup("#dept-line-" + calm).query());
            assertThat(fx(() -> line.getStyleClass())).doesNotContain("unstaffed");
            assertThat(fx(() -> badge(line))).isNull();
        }

        // the wait per department over the chosen range, in minutes
        eventually(() -> !bars(robot, "#chart-wait-per-department").isEmpty());
        assertThat(fx(() -> bars(robot, "#chart-wait-per-department")))
                .containsEntry("Perizinan Berusaha", 2.5)
                .containsEntry("Layanan OSS", 1.6)
                .containsEntry("Pengaduan", 3.5);
    }

    @Test
    void aRangeOfOneDayIsBrokenDownByHour(FxRobot robot) {
        openAnalytics(robot);
        eventually(() -> shown(robot, "#chart-per-day"));
        assertThat(fx(() -> shown(robot, "#chart-per-hour"))).isFalse();

        fx(
                () -> {
                    AnalyticsViewModel analytics =
                            desk.shell.mainViewModel().analytics().orElseThrow();
                    analytics.fromProperty().set(LocalDate.of(2026, 11, 25));
                    analytics.toProperty().set(LocalDate.of(2026, 11, 25));
                    return null;
                });
        robot.clickOn("Show");

        eventually(() -> shown(robot, "#chart-per-hour"));
        assertThat(fx(() -> shown(robot, "#chart-per-day"))).isFalse();
        assertThat(fx(() -> shown(robot, "#chart-times-per-hour"))).isTrue();
        BarChart<?, ?> perHour = fx(() -> robot.lookup("#chart-per-hour").queryAs(BarChart.class));
        assertThat(fx(() -> perHour.getTitle())).isEqualTo("Chats per hour");
        assertThat(fx(() -> ((CategoryAxis) perHour.getXAxis()).getCategories()))
                .hasSize(24)
                .startsWith("00:00", "01:00")
                .contains("09:00", "23:00");
        assertThat(fx(() -> bars(robot, "#chart-per-hour")))
                .containsEntry("09:00", 9.0)
                .containsEntry("12:00", 4.0)
                .containsEntry("03:00", 0.0);
    }

    @Test
    void aServerWithoutAnalyticsShowsNotAvailable(FxRobot robot) {
        desk.ports.analytics.missing = true;
        fx(
                () -> {
                    desk.shell.mainViewModel().analytics().orElseThrow().refreshLive();
                    return null;
                });

        eventually(() -> robot.lookup("#analytics-unavailable").query().getParent().isVisible());
        assertThat(fx(() -> robot.lookup("#analytics-unavailable").queryAs(Label.class).getText()))
                .isEqualTo("Analytics are not available on this server");
    }

    /** The node and every parent of it are visible: it is on the screen. */
    private static boolean shown(FxRobot robot, String id) {
        for (Node node = robot.lookup(id).query(); node != null; node = node.getParent()) {
            if (!node.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void openAnalytics(FxRobot robot) {
        FxDesk.selectTab(robot, "tab-analytics");
    }

    private static String cell(FxRobot robot, String department, String column) {
        return ((Label) robot.lookup("#dept-line-" + department).query().lookup(column)).getText();
    }

    /** The line's "no agent online" note, or null. */
    private static String badge(Node line) {
        Node badge = line.lookup(".unstaffed-badge");
        return badge == null ? null : ((Label) badge).getText();
    }

    /** Category to value of the chart's first series. */
    private static Map<String, Double> bars(FxRobot robot, String id) {
        XYChart<?, ?> chart = robot.lookup(id).queryAs(XYChart.class);
        Map<String, Double> values = new LinkedHashMap<>();
        if (!chart.getData().isEmpty()) {
            for (XYChart.Data<?, ?> point : chart.getData().get(0).getData()) {
                values.put((String) point.getXValue(), ((Number) point.getYValue()).doubleValue());
            }
        }
        return values;
    }

    private static String tileValue(FxRobot robot, String id) {
        VBox tile = robot.lookup(id).queryAs(VBox.class);
        return ((Label) tile.getChildren().get(0)).getText();
    }

    /**
     * Selects a main tab by its id: which tabs a role gets (the board, hours) moves the indexes.
     */
}
