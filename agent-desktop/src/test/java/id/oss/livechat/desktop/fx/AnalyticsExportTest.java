package id.oss.livechat.desktop.fx;

import static id.oss.livechat.desktop.fx.FxDesk.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.testing.DemoData;
import id.oss.livechat.desktop.util.SaveDialog;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The analytics pane's Export: the chosen range as CSV, saved where the file chooser says. */
@ExtendWith(ApplicationExtension.class)
class AnalyticsExportTest {
    private final FxDesk desk = new FxDesk(AppLanguage.ENGLISH);
    @TempDir static Path folder;

    @Start
    void start(Stage stage) {
        desk.ports.saveDialog = new SaveDialog.Recording(folder);
        desk.showMain(stage, DemoData.SUPERVISOR);
    }

    @Test
    void exportSavesTheChosenRangeAsCsvThroughTheFileChooser(FxRobot robot) throws Exception {
        FxDesk.selectTab(robot, "tab-analytics");
        robot.clickOn("#export-button");

        SaveDialog.Recording chooser = (SaveDialog.Recording) desk.ports.saveDialog;
        eventually(() -> chooser.suggestedNames.size() == 1);
        String name = chooser.suggestedNames.get(0);
        // the pane's default range: the last 14 days, per day
        assertThat(name).isEqualTo("analytics-2026-11-12-2026-11-25.csv");
        Path saved = folder.resolve(name);
        eventually(() -> Files.exists(saved));
        assertThat(Files.readString(saved))
                .isEqualTo("key,label,sessions\r\n2026-11-12,2026-11-12,38\r\ntotal,Total,38\r\n");
        assertThat(desk.ports.analytics.exports).containsExactly("2026-11-12 2026-11-25 day");
        eventually(
                () ->
                        ("Saved: " + name)
                                .equals(
                                        robot.lookup("#export-status")
                                                .queryAs(Label.class)
                                                .getText()));
    }

    /**
     * Selects a main tab by its id: which tabs a role gets (the board, hours) moves the indexes.
     */
}
