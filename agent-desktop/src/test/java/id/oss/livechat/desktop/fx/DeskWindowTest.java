package id.oss.livechat.desktop.fx;

import static id.oss.livechat.desktop.fx.FxDesk.eventually;
import static id.oss.livechat.desktop.fx.FxDesk.fx;
import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.chat.ChatViewModel;
import id.oss.livechat.desktop.connection.LinkState;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.testing.DemoData;
import id.oss.livechat.desktop.testing.SessionChanges;
import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.model.staff.StaffSession;
import java.net.URI;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The main window's honesty on fake ports: shortcuts that work and say so, the window title and
 * sound, the toast beside (not over) the send button, links, and one language at a time.
 */
@ExtendWith(ApplicationExtension.class)
class DeskWindowTest {
    private final FxDesk desk = new FxDesk(AppLanguage.ENGLISH);
    private final StaffSession siti =
            DemoData.active(1, "Status NIB belum terbit", DemoData.SITI, true, 0, 0);
    private final StaffSession budi =
            DemoData.active(2, "Cara mengubah KBLI", DemoData.BUDI, false, 0, 0);
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        desk.ports.api.active.addAll(List.of(siti, budi));
        desk.showMain(stage, DemoData.AGENT);
        stage.setWidth(1366);
        stage.setHeight(820);
    }

    private void connect() {
        desk.ports.socket.acceptAndAuthenticate();
        eventually(
                () ->
                        desk.shell.mainViewModel().link().state() == LinkState.CONNECTED
                                && desk.shell.mainViewModel().chats().chats().size() == 2);
    }

    private ChatViewModel selected() {
        return desk.shell.mainViewModel().chats().selected();
    }

    @Test
    void ctrlPageDownAndUpMoveBetweenChatsWhereverTheFocusIsAndTheMenuSaysSo(FxRobot robot) {
        connect();
        assertThat(fx(() -> selected().sessionId())).isEqualTo(siti.sessionId());

        robot.clickOn("#composer");
        robot.press(KeyCode.CONTROL, KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN, KeyCode.CONTROL);
        eventually(() -> selected().sessionId().equals(budi.sessionId()));
        robot.clickOn("#active-chats");
        robot.press(KeyCode.CONTROL, KeyCode.PAGE_UP).release(KeyCode.PAGE_UP, KeyCode.CONTROL);
        eventually(() -> selected().sessionId().equals(siti.sessionId()));

        MenuItem next = menuItem(robot, "Next chat");
        assertThat(fx(() -> next.getAccelerator().getDisplayText())).isEqualTo("Ctrl+Page Down");
        assertThat(fx(() -> menuItem(robot, "Previous chat").getAccelerator().getDisplayText()))
                .isEqualTo("Ctrl+Page Up");
    }

    @Test
    void theAgentComesOnlineOnlyOnceItsChatsAreOnScreen(FxRobot robot) {
        // before the socket is signed in nothing is loaded, and routing is not asked for chats
        assertThat(desk.ports.api.statuses).isEmpty();
        assertThat(fx(() -> desk.shell.mainViewModel().chats().chats())).isEmpty();

        connect();

        eventually(
                () ->
                        desk.shell.mainViewModel().status().statusProperty().get()
                                == AgentStatus.ONLINE);
        assertThat(desk.ports.api.calls)
                .containsSubsequence("activeOf " + DemoData.AGENT.id(), "status online");
    }

    @Test
    void theTitleCountsUnreadMessagesAndTheSoundCanBeSwitchedOff(FxRobot robot) {
        connect();
        desk.ports.socket.push(
                new ServerFrame.MessageNew(
                        budi.sessionId(),
                        1,
                        "v1",
                        DemoData.visitor(DemoData.BUDI),
                        "Halo",
                        DemoData.NOW));
        desk.ports.socket.push(
                new ServerFrame.MessageNew(
                        budi.sessionId(),
                        2,
                        "v2",
                        DemoData.visitor(DemoData.BUDI),
                        "Permisi",
                        DemoData.NOW));
        eventually(() -> "(2) OSS LiveChat".equals(stage.getTitle()));

        CheckMenuItem sound = (CheckMenuItem) menuItem(robot, "Sound for new chats and messages");
        assertThat(fx(sound::isSelected)).isTrue();
        robot.clickOn("Status").clickOn("Sound for new chats and messages");
        eventually(() -> !desk.settings.soundOn());

        fx(
                () -> {
                    desk.shell.mainViewModel().chats().selectNumber(2);
                    return null;
                });
        eventually(() -> "OSS LiveChat".equals(stage.getTitle()));
    }

    @Test
    void theToastNeverCoversTheSendButton(FxRobot robot) {
        connect();
        desk.ports.socket.push(
                SessionChanges.of(
                                DemoData.active(
                                        3, "Izin lokasi ditolak", DemoData.ANDI, false, 0, 0))
                        .frame());
        eventually(() -> fx(() -> robot.lookup("#toast").query().isVisible()));

        Bounds toast = fx(() -> sceneBounds(robot.lookup("#toast").query()));
        Bounds send = fx(() -> sceneBounds(robot.lookup("#send-button").query()));
        Bounds composer = fx(() -> sceneBounds(robot.lookup("#composer").query()));
        assertThat(toast.intersects(send)).as("toast %s over send %s", toast, send).isFalse();
        assertThat(toast.intersects(composer)).isFalse();
    }

    @Test
    void aLinkInAMessageOpensInTheBrowserAndOnlyHttpLinksAreLinks(FxRobot robot) {
        connect();
        desk.ports.socket.push(
                new ServerFrame.MessageNew(
                        siti.sessionId(),
                        1,
                        "v1",
                        DemoData.visitor(DemoData.SITI),
                        "Lihat https://oss.go.id/panduan. Jangan javascript:alert(1) atau file:///etc/passwd",
                        DemoData.NOW));
        eventually(() -> !robot.lookup("#messages .hyperlink").queryAll().isEmpty());

        List<String> links =
                fx(
                        () ->
                                robot
                                        .lookup("#messages .hyperlink")
                                        .queryAllAs(Hyperlink.class)
                                        .stream()
                                        .map(Hyperlink::getText)
                                        .toList());
        assertThat(links).containsExactly("https://oss.go.id/panduan");
        Node link = fx(() -> robot.lookup("#messages .hyperlink").query());
        robot.clickOn(link);
        eventually(() -> !desk.ports.platform.openedLinks.isEmpty());
        assertThat(desk.ports.platform.openedLinks)
                .containsExactly(URI.create("https://oss.go.id/panduan"));
    }

    @Test
    void afterALanguageSwitchTheContactPaneSpeaksOnlyTheNewLanguage(FxRobot robot) {
        connect();
        fx(
                () -> {
                    desk.shell.mainViewModel().chats().selectNumber(2); // Budi: anonymous
                    return null;
                });
        eventually(() -> robot.lookup("No earlier chats.").tryQuery().isPresent());

        robot.clickOn("Language").clickOn("Bahasa Indonesia");

        eventually(() -> robot.lookup("Belum ada percakapan sebelumnya.").tryQuery().isPresent());
        assertThat(fx(() -> ((Label) robot.lookup("#contact-oss").query()).getText()))
                .isEqualTo("Anonim (belum masuk ke OSS)");
        assertThat(robot.lookup("No earlier chats.").tryQuery()).isEmpty();
        assertThat(robot.lookup("Anonymous (not signed in to OSS)").tryQuery()).isEmpty();
    }

    // helpers

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    private static MenuItem menuItem(FxRobot robot, String text) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return fx(
                () ->
                        bar.getMenus().stream()
                                .flatMap(menu -> items(menu).stream())
                                .filter(item -> text.equals(item.getText()))
                                .findFirst()
                                .orElseThrow());
    }

    private static List<MenuItem> items(Menu menu) {
        return menu.getItems().stream()
                .flatMap(
                        item ->
                                item instanceof Menu sub
                                        ? java.util.stream.Stream.concat(
                                                java.util.stream.Stream.of(item),
                                                items(sub).stream())
                                        : java.util.stream.Stream.of(item))
                .toList();
    }
}
