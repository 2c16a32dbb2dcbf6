package id.oss.livechat.desktop.fx;

import static id.oss.livechat.desktop.fx.FxDesk.eventually;

import id.oss.livechat.desktop.chat.MessageItem;
import id.oss.livechat.desktop.connection.LinkState;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.testing.DemoData;
import id.oss.livechat.model.staff.StaffSession;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A long conversation of short and long messages: whatever arrives is in view whole, not below the
 * transcript's edge or cut off by it (the QA walk of 2026-12-07 found the newest message cut off,
 * and after a reconnect out of view entirely).
 */
@ExtendWith(ApplicationExtension.class)
class TranscriptScrollTest {
    private final FxDesk desk = new FxDesk(AppLanguage.ENGLISH);
    private final StaffSession siti =
            DemoData.active(1, "Status NIB belum terbit", DemoData.SITI, true, 16, 0);

    @Start
    void start(Stage stage) {
        desk.ports.api.active.add(siti);
        desk.showMain(stage, DemoData.AGENT);
        stage.setWidth(1366);
        stage.setHeight(820);
    }

    @Test
    void theNewestMessageIsInViewWholeAsItArrives(FxRobot robot) {
        desk.ports.socket.acceptAndAuthenticate();
        eventually(() -> desk.shell.mainViewModel().link().state() == LinkState.CONNECTED);
        eventually(() -> robot.lookup("#messages").tryQuery().isPresent());
        // more than the transcript holds: short lines, and every third one long enough to wrap
        for (int seq = 1; seq <= 19; seq++) {
            String text =
                    seq % 3 == 0
                            ? "Mohon maaf, saya jelaskan lagi dengan lengkap. ".repeat(8) + seq
                            : "Pesan nomor " + seq;
            desk.ports.socket.push(DemoData.visitorSays(siti.sessionId(), seq, text));
            eventually(() -> wholeInView(robot, text));
        }
    }

    /**
     * Whether the message with this text is on screen in the transcript, top to bottom (called on
     * the FX thread, by {@code eventually}).
     */
    private static boolean wholeInView(FxRobot robot, String text) {
        Node list = robot.lookup("#messages").query();
        Bounds view = list.localToScene(list.getLayoutBounds());
        return robot.lookup("#messages .list-cell").queryAllAs(ListCell.class).stream()
                .filter(
                        cell ->
                                cell.isVisible()
                                        && cell.getItem() instanceof MessageItem item
                                        && text.equals(item.text()))
                .map(cell -> cell.localToScene(cell.getLayoutBounds()))
                .anyMatch(
                        shown ->
                                shown.getMinY() >= view.getMinY() - 1
                                        && shown.getMaxY() <= view.getMaxY() + 1);
    }
}
