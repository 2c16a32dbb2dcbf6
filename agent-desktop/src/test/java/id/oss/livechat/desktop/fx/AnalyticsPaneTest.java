package id.oss.livechat.desktop.fx;

import static id.oss.livechat.desktop.fx.FxDesk.eventually;
import static id.oss.livechat.desktop.fx.FxDesk.fx;
import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.testing.DemoData;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
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
        fx(
                () -> {
                    TabPane tabs = robot.lookup(".main-tabs").queryAs(TabPane.class);
                    tabs.getSelectionModel().select(1);
                    return null;
                });

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

    private static String tileValue(FxRobot robot, String id) {
        VBox tile = robot.lookup(id).queryAs(VBox.class);
        return ((Label) tile.getChildren().get(0)).getText();
    }
}
