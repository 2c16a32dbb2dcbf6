package id.oss.livechat.desktop.fx;

import static id.oss.livechat.desktop.fx.FxDesk.eventually;
import static id.oss.livechat.desktop.fx.FxDesk.fx;

import id.oss.livechat.desktop.chat.ActiveChatsViewModel;
import id.oss.livechat.desktop.chat.ChatViewModel;
import id.oss.livechat.desktop.connection.LinkState;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.testing.DemoData;
import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.model.staff.StaffSession;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationTest;

/**
 * Pictures of the real windows on fake ports with curated Indonesian demo content (earlier chats, a
 * fortnight of figures), written to {@code target/screenshots/demo-desktop-*.png}, each checked not
 * to be blank. The pictures in {@code docs/screenshots} come from the run against the real server
 * ({@code AgentDeskEndToEndTest}).
 */
class ScreenshotsTest extends ApplicationTest {
    private final FxDesk desk = new FxDesk(AppLanguage.INDONESIAN);
    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void login() throws Exception {
        fx(
                () -> {
                    desk.showLogin(stage);
                    stage.setWidth(560);
                    stage.setHeight(640);
                    return null;
                });
        FxRobot robot = new FxRobot();
        robot.clickOn("#username-field").write("agent1");
        robot.clickOn("#password-field").write("livechat-demo");

        Screenshots.save(stage, "demo-desktop-login.png");
    }

    @Test
    void queueAndChat() throws Exception {
        StaffSession siti =
                DemoData.active(
                        1, "Status NIB belum terbit setelah verifikasi", DemoData.SITI, true, 6, 0);
        StaffSession budi =
                DemoData.active(
                        2, "Cara mengubah KBLI pada izin usaha", DemoData.BUDI, false, 2, 2);
        desk.ports.api.active.addAll(List.of(siti, budi));
        desk.ports.api.waiting.addAll(
                List.of(DemoData.queue().get(0), DemoData.queue().get(2), DemoData.queue().get(3)));
        desk.ports.api.visitorHistory.put(
                siti.chatUserId(),
                List.of(
                        DemoData.closed(
                                21,
                                siti.chatUserId(),
                                "Pendaftaran akun OSS untuk PT",
                                DemoData.SITI,
                                Instant.parse("2026-10-02T02:10:00Z")),
                        DemoData.closed(
                                22,
                                siti.chatUserId(),
                                "Lupa kata sandi akun OSS",
                                DemoData.SITI,
                                Instant.parse("2026-08-14T07:45:00Z"))));
        fx(
                () -> {
                    desk.showMain(stage, DemoData.AGENT);
                    stage.setWidth(1366);
                    stage.setHeight(820);
                    return null;
                });
        desk.ports.socket.acceptAndAuthenticate();
        ActiveChatsViewModel chats = desk.shell.mainViewModel().chats();
        eventually(
                () ->
                        chats.chats().size() == 2
                                && desk.shell.mainViewModel().link().state()
                                        == LinkState.CONNECTED);

        UUID sitiId = siti.sessionId();
        for (ChatMessage message : DemoData.sitiConversation(sitiId)) {
            desk.ports.socket.push(ServerFrame.MessageNew.of(message));
        }
        desk.ports.socket.push(new ServerFrame.ResumeDone(sitiId, 6));
        desk.ports.socket.push(new ServerFrame.Read(sitiId, SenderType.VISITOR, 3));
        desk.ports.socket.push(
                new ServerFrame.MessageNew(
                        budi.sessionId(),
                        1,
                        "b1",
                        DemoData.visitor(DemoData.BUDI),
                        "Selamat pagi, saya mau menambah KBLI 47111.",
                        DemoData.NOW));
        desk.ports.socket.push(
                new ServerFrame.MessageNew(
                        budi.sessionId(),
                        2,
                        "b2",
                        DemoData.visitor(DemoData.BUDI),
                        "Apakah perlu mengajukan perubahan data dari awal?",
                        DemoData.NOW));
        eventually(() -> chats.selected() != null && chats.selected().messages().size() == 6);
        fx(
                () -> {
                    ChatViewModel chat = chats.selected();
                    chat.draftProperty()
                            .set(
                                    "Permohonan Ibu masih menunggu persetujuan PKKPR. Setelah disetujui, NIB terbit otomatis.");
                    chats.sendDraft();
                    return null;
                });
        desk.ports.socket.push(
                new ServerFrame.Typing(sitiId, DemoData.visitor(DemoData.SITI), true));
        eventually(
                () ->
                        chats.selected().visitorTypingProperty().get()
                                && !desk.shell.mainViewModel().contact().history().isEmpty());

        Screenshots.save(stage, "demo-desktop-queue-chat.png");
    }

    @Test
    void analytics() throws Exception {
        fx(
                () -> {
                    desk.showMain(stage, DemoData.SUPERVISOR);
                    stage.setWidth(1366);
                    stage.setHeight(860);
                    return null;
                });
        FxRobot robot = new FxRobot();
        FxDesk.selectTab(robot, "tab-analytics");
        eventually(
                () ->
                        desk.shell.mainViewModel().analytics().orElseThrow().perAgent().size() == 4
                                && desk.shell
                                        .mainViewModel()
                                        .analytics()
                                        .orElseThrow()
                                        .waitingProperty()
                                        .get()
                                        .equals("4"));

        Screenshots.save(stage, "demo-desktop-analytics.png");
    }

    @org.junit.jupiter.api.AfterEach
    void cleanUp() throws Exception {
        FxToolkit.hideStage();
    }

    /**
     * Selects a main tab by its id: which tabs a role gets (the board, hours) moves the indexes.
     */
}
