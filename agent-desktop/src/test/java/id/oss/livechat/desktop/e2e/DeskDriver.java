package id.oss.livechat.desktop.e2e;

import static id.oss.livechat.desktop.fx.FxDesk.fx;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.desktop.chat.ChatViewModel;
import id.oss.livechat.desktop.chat.MessageItem;
import id.oss.livechat.desktop.connection.LinkState;
import id.oss.livechat.desktop.queue.QueueItem;
import id.oss.livechat.desktop.shell.DesktopShell;
import id.oss.livechat.desktop.shell.MainViewModel;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;

/**
 * The steps an agent takes in the real window, and what the window shows, for the end-to-end tests.
 * Every wait is on a condition read on the FX thread.
 */
final class DeskDriver {
    static final Duration WAIT = Duration.ofSeconds(30);

    private final FxRobot robot;
    private final DesktopShell shell;
    private final Stage stage;

    DeskDriver(FxRobot robot, DesktopShell shell, Stage stage) {
        this.robot = robot;
        this.shell = shell;
        this.stage = stage;
    }

    /** Signs in through the login window; returns once the socket is signed in. */
    MainViewModel signIn(String server, String username, String password) {
        TextField address = fx(() -> robot.lookup("#server-field").queryAs(TextField.class));
        robot.clickOn(address).push(KeyCode.CONTROL, KeyCode.A).write(server);
        eventually(() -> server.equals(address.getText()));
        robot.clickOn("#username-field").write(username);
        robot.clickOn("#password-field").write(password);
        robot.clickOn("#sign-in-button");
        eventually(
                () ->
                        shell.mainViewModel() != null
                                && shell.mainViewModel().link().state() == LinkState.CONNECTED
                                && username.equals(shell.mainViewModel().user().username()));
        return fx(shell::mainViewModel);
    }

    MainViewModel main() {
        return fx(shell::mainViewModel);
    }

    FxRobot robot() {
        return robot;
    }

    Stage stage() {
        return stage;
    }

    @SuppressWarnings("unchecked")
    ListView<QueueItem> queue() {
        return robot.lookup("#queue").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    ListView<ChatViewModel> myChats() {
        return robot.lookup("#active-chats").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    ListView<MessageItem> messages() {
        return robot.lookup("#messages").queryAs(ListView.class);
    }

    /** A label's text, or null while it is not on screen. */
    String label(String id) {
        return robot.lookup(id)
                .tryQuery()
                .filter(Node::isVisible)
                .map(node -> ((Label) node).getText())
                .orElse(null);
    }

    /** The lines of a chat's cell in "my chats": the name, then the topic. */
    java.util.List<String> chatCellTexts(UUID sessionId) {
        return robot.lookup("#active-chats .list-cell").queryAllAs(ListCell.class).stream()
                .filter(
                        cell ->
                                cell.getItem() instanceof ChatViewModel chat
                                        && chat.sessionId().equals(sessionId))
                .flatMap(cell -> cell.lookupAll(".label").stream())
                .map(node -> ((Label) node).getText())
                .filter(text -> text != null && !text.isBlank())
                .toList();
    }

    /**
     * The "take" button of a waiting chat in the queue, scrolled into view first: the queue holds
     * every waiting chat of the account's departments (on the shared server, other classes' too),
     * and only the rows on screen have cells.
     */
    Node takeButton(UUID sessionId, String take) {
        fx(
                () -> {
                    queue().getItems().stream()
                            .filter(item -> item.session().sessionId().equals(sessionId))
                            .findFirst()
                            .ifPresent(queue()::scrollTo);
                    return null;
                });
        return fx(
                () ->
                        robot.lookup("#queue .list-cell").queryAllAs(ListCell.class).stream()
                                .filter(
                                        cell ->
                                                cell.getItem() instanceof QueueItem item
                                                        && item.session()
                                                                .sessionId()
                                                                .equals(sessionId))
                                .flatMap(cell -> cell.lookupAll(".button").stream())
                                .filter(b -> take.equals(((Button) b).getText()))
                                .findFirst()
                                .orElseThrow());
    }

    /**
     * Clicks "take" on a waiting chat. Every queue.updated rebuilds the list's cells, so a button
     * found a moment ago may be gone: it is looked up again until a click lands.
     */
    void take(UUID sessionId, String take) {
        await().atMost(WAIT)
                .ignoreExceptions()
                .until(
                        () -> {
                            robot.clickOn(takeButton(sessionId, take));
                            return true;
                        });
    }

    /**
     * Scrolls the pane around the node {@code query} finds until the node is in view, as a person
     * scrolls to a button below the fold before clicking it.
     */
    void scrollIntoView(String query) {
        fx(
                () -> {
                    Node node = robot.lookup(query).query();
                    for (Node up = node.getParent(); up != null; up = up.getParent()) {
                        if (up instanceof ScrollPane scroll) {
                            Node content = scroll.getContent();
                            double hidden =
                                    content.getLayoutBounds().getHeight()
                                            - scroll.getViewportBounds().getHeight();
                            double top =
                                    content.sceneToLocal(node.localToScene(node.getLayoutBounds()))
                                            .getMinY();
                            if (hidden > 0) {
                                scroll.setVvalue(Math.min(1, top / hidden));
                            }
                            return null;
                        }
                    }
                    return null;
                });
    }

    /** The dialog the window opened, if one is showing. */
    Stage dialog() {
        return Window.getWindows().stream()
                .filter(w -> w != stage && w.isShowing() && w instanceof Stage)
                .map(w -> (Stage) w)
                .findFirst()
                .orElse(null);
    }

    /** A button of the open dialog, by its text. */
    Node dialogButton(String text) {
        return fx(
                () ->
                        dialog().getScene().getRoot().lookupAll(".button").stream()
                                .filter(b -> text.equals(((Button) b).getText()))
                                .findFirst()
                                .orElseThrow());
    }

    /**
     * Types lower-case letters and spaces key by key, as a person does, into whichever window has
     * the focus (TestFX's {@code write} picks its own target window, not the focused dialog).
     */
    void typeKeys(String text) {
        for (char c : text.toCharArray()) {
            robot.type(
                    c == ' ' ? KeyCode.SPACE : KeyCode.getKeyCode(String.valueOf(c).toUpperCase()));
        }
    }

    void shortcut(KeyCode... keys) {
        KeyCode[] all = new KeyCode[keys.length + 1];
        all[0] = KeyCode.CONTROL;
        System.arraycopy(keys, 0, all, 1, keys.length);
        robot.press(all);
        for (int i = all.length - 1; i >= 0; i--) {
            robot.release(all[i]);
        }
    }

    /** Waits until {@code condition}, checked on the FX thread, holds. */
    static void eventually(Callable<Boolean> condition) {
        within(WAIT, condition);
    }

    static void within(Duration limit, Callable<Boolean> condition) {
        await().atMost(limit).pollInterval(Duration.ofMillis(20)).until(() -> fx(condition));
    }
}
