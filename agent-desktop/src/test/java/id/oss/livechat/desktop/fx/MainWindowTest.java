package id.oss.livechat.desktop.fx;

import static id.oss.livechat.desktop.fx.FxDesk.eventually;
import static id.oss.livechat.desktop.fx.FxDesk.fx;
import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.chat.MessageItem;
import id.oss.livechat.desktop.connection.ChatConnection;
import id.oss.livechat.desktop.connection.LinkState;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.testing.DemoData;
import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.FrameTypes;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.model.staff.StaffSession;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private final FxDesk desk = new FxDesk(AppLanguage.ENGLISH);
    private final StaffSession andi = DemoData.queue().get(0);

    @Start
    void start(Stage stage) {
        desk.ports.api.waiting.addAll(DemoData.queue());
        desk.showMain(stage, DemoData.AGENT);
    }

    private void connect() {
        desk.ports.socket.acceptAndAuthenticate();
        eventually(() -> desk.shell.mainViewModel().link().state() == LinkState.CONNECTED);
    }

    @SuppressWarnings("unchecked")
    private ListView<MessageItem> messages(FxRobot robot) {
        return robot.lookup("#messages").queryAs(ListView.class);
    }

    @Test
    void aTokenTheServerTookBackReturnsToSignInSayingWhy(FxRobot robot) {
        connect();

        fx(
                () -> {
                    desk.ports.socket.drop(FrameTypes.CLOSE_UNAUTHORIZED, "password_changed");
                    return null;
                });

        eventually(() -> desk.shell.mainViewModel() == null);
        eventually(
                () ->
                        desk.i18n
                                .text("signedOut.passwordChanged")
                                .equals(
                                        robot.lookup("#login-error")
                                                .queryAs(Label.class)
                                                .getText()));
        assertThat(desk.ports.api.calls).contains("forgetToken").doesNotContain("signOut");
    }

    @Test
    void theQueueShowsWaitingVisitorsAndTakingOneOpensItsChat(FxRobot robot) {
        connect();
        eventually(() -> robot.lookup("#queue").queryAs(ListView.class).getItems().size() == 4);
        assertThat(robot.lookup("Gagal unggah dokumen PB UMKU").tryQuery()).isPresent();
        assertThat(robot.lookup("Andi Pratama  ·  Perizinan Berusaha").tryQuery()).isPresent();

        Node take =
                fx(
                        () ->
                                robot.lookup("#queue").lookup(".button").queryAll().stream()
                                        .filter(n -> "Take".equals(((Button) n).getText()))
                                        .findFirst()
                                        .orElseThrow());
        robot.clickOn(take);

        eventually(
                () ->
                        "Andi Pratama"
                                .equals(
                                        robot.lookup("#chat-title")
                                                .queryAs(Label.class)
                                                .getText()));
        assertThat(desk.ports.api.calls)
                .contains("assign " + andi.sessionId() + " " + DemoData.AGENT.id());
        assertThat(fx(() -> robot.lookup("#queue").queryAs(ListView.class).getItems().size()))
                .isEqualTo(3);
    }

    @Test
    void typingAndEnterSendsTheMessageAndAVisitorReplyAppears(FxRobot robot) {
        connect();
        eventually(() -> robot.lookup("#queue").queryAs(ListView.class).getItems().size() == 4);
        Node takeNext = fx(() -> robot.lookup("#take-next-button").query());
        robot.clickOn(takeNext);
        eventually(
                () ->
                        robot.lookup("#composer").tryQuery().isPresent()
                                && robot.lookup("#composer").query().isVisible());

        robot.clickOn("#composer").write("Selamat pagi, Pak Andi.").type(KeyCode.ENTER);

        eventually(() -> !desk.ports.socket.sent(ClientFrame.MessageSend.class).isEmpty());
        ClientFrame.MessageSend sent = desk.ports.socket.sent(ClientFrame.MessageSend.class).get(0);
        assertThat(sent.sessionId()).isEqualTo(andi.sessionId());
        assertThat(sent.text()).isEqualTo("Selamat pagi, Pak Andi.");
        eventually(() -> messages(robot).getItems().size() == 1);

        UUID session = andi.sessionId();
        desk.ports.socket.push(
                new ServerFrame.MessageAck(session, sent.clientMsgId(), 1, DemoData.NOW));
        desk.ports.socket.push(
                new ServerFrame.MessageNew(
                        session,
                        2,
                        "v-2",
                        DemoData.visitor(DemoData.ANDI),
                        "Pagi, dokumen saya selalu gagal diunggah.",
                        DemoData.NOW));

        eventually(() -> messages(robot).getItems().size() == 2);
        assertThat(robot.lookup("Pagi, dokumen saya selalu gagal diunggah.").tryQuery())
                .isPresent();
    }

    @Test
    void shiftEnterStartsANewLineInsteadOfSending(FxRobot robot) {
        connect();
        eventually(() -> robot.lookup("#queue").queryAs(ListView.class).getItems().size() == 4);
        Node takeNext = fx(() -> robot.lookup("#take-next-button").query());
        robot.clickOn(takeNext);
        eventually(() -> robot.lookup("#composer").query().isVisible());

        robot.clickOn("#composer").write("Baris satu");
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        robot.write("Baris dua");

        eventually(
                () ->
                        desk.shell
                                .mainViewModel()
                                .chats()
                                .selected()
                                .draftProperty()
                                .get()
                                .equals("Baris satu\nBaris dua"));
        assertThat(desk.ports.socket.sent(ClientFrame.MessageSend.class)).isEmpty();
    }

    @Test
    void theConnectionBannerShowsWhileTheSocketIsDownAndHidesAfterTheReconnect(FxRobot robot) {
        connect();
        Label banner = fx(() -> robot.lookup("#connection-banner").queryAs(Label.class));
        assertThat(fx(banner::isVisible)).isFalse();

        desk.ports.socket.drop(ChatConnection.CLOSE_GOING_AWAY);
        eventually(banner::isVisible);
        assertThat(fx(banner::getText)).startsWith("Connection lost. Reconnecting");

        fx(
                () -> {
                    desk.scheduler.runOneOffs();
                    return null;
                });
        desk.ports.socket.acceptAndAuthenticate();
        eventually(() -> !banner.isVisible());
    }

    @Test
    void switchingToIndonesianRebuildsTheWindowAndKeepsTheChats(FxRobot robot) {
        connect();
        eventually(() -> robot.lookup("#queue").queryAs(ListView.class).getItems().size() == 4);
        Node takeNext = fx(() -> robot.lookup("#take-next-button").query());
        robot.clickOn(takeNext);
        eventually(
                () ->
                        "Andi Pratama"
                                .equals(
                                        robot.lookup("#chat-title")
                                                .queryAs(Label.class)
                                                .getText()));

        robot.clickOn("Language").clickOn("Bahasa Indonesia");

        eventually(
                () ->
                        robot.lookup("#queue-title")
                                .queryAs(Label.class)
                                .getText()
                                .equals("Antrean (3)"));
        assertThat(fx(() -> robot.lookup("#chat-title").queryAs(Label.class).getText()))
                .isEqualTo("Andi Pratama");
        assertThat(desk.settings.language()).contains("id");
    }

    @Test
    void anAgentHasNoAnalyticsPane(FxRobot robot) {
        connect();

        assertThat(robot.lookup("#analytics-pane").tryQuery()).isEmpty();
        assertThat(robot.lookup("#tab-analytics").tryQuery()).isEmpty();
    }
}
