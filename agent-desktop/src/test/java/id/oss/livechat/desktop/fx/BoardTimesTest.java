package id.oss.livechat.desktop.fx;

import static id.oss.livechat.desktop.fx.FxDesk.eventually;
import static id.oss.livechat.desktop.fx.FxDesk.fx;
import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.connection.LinkState;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.testing.DemoData;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The supervisor's board is live without any news from the server: the oldest wait of a department
 * and how long a chat has been served count up by themselves, as a supervisor watching the floor
 * expects.
 */
@ExtendWith(ApplicationExtension.class)
class BoardTimesTest {
    private final FxDesk desk = new FxDesk(AppLanguage.ENGLISH);

    @Start
    void start(Stage stage) {
        desk.ports.api.waiting.add(DemoData.queue().get(2)); // Layanan OSS, queued 97 s ago
        desk.ports.api.active.add(
                DemoData.active(7, "Perizinan berusaha", DemoData.BUDI, false, 2, 0)); // now
        desk.showMain(stage, DemoData.SUPERVISOR);
    }

    @Test
    void theOldestWaitAndTheTimeAChatIsServedCountUpWithNothingNewFromTheServer(FxRobot robot) {
        desk.ports.socket.acceptAndAuthenticate();
        eventually(() -> desk.shell.mainViewModel().link().state() == LinkState.CONNECTED);
        FxDesk.selectTab(robot, "tab-board");
        eventually(() -> texts(robot, "#board-departments").size() == 1);
        eventually(() -> texts(robot, "#board-chats").size() == 1);
        assertThat(texts(robot, "#board-departments").get(0))
                .isEqualTo(
                        "Layanan OSS: 1 waiting · oldest 1:37 (Cara mengubah KBLI pada izin usaha)");
        assertThat(texts(robot, "#board-chats").get(0)).endsWith("· 0:00");

        desk.clock.advance(Duration.ofSeconds(25));

        eventually(() -> texts(robot, "#board-departments").get(0).contains("oldest 2:02 ("));
        eventually(() -> texts(robot, "#board-chats").get(0).endsWith("· 0:25"));
    }

    /** What the board's list shows, row by row (a cell's own text or its label's). */
    private static List<String> texts(FxRobot robot, String list) {
        return fx(
                () ->
                        robot.lookup(list + " .list-cell").queryAll().stream()
                                .map(BoardTimesTest::text)
                                .filter(text -> text != null && !text.isBlank())
                                .toList());
    }

    private static String text(Node cell) {
        String own = ((Labeled) cell).getText();
        if (own != null) {
            return own;
        }
        return cell.lookupAll(".label").stream()
                .map(node -> ((Labeled) node).getText())
                .filter(text -> text != null && text.contains("·"))
                .findFirst()
                .orElse(null);
    }
}
