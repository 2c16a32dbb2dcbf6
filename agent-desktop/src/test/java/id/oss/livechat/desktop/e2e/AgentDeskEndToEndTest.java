package id.oss.livechat.desktop.e2e;

import static id.oss.livechat.desktop.fx.FxDesk.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.desktop.chat.Delivery;
import id.oss.livechat.desktop.chat.MessageItem;
import id.oss.livechat.desktop.connection.HttpStaffApi;
import id.oss.livechat.desktop.connection.LinkState;
import id.oss.livechat.desktop.connection.ServerAddress;
import id.oss.livechat.desktop.fx.Screenshots;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.queue.QueueItem;
import id.oss.livechat.desktop.shell.DesktopShell;
import id.oss.livechat.desktop.shell.MainViewModel;
import id.oss.livechat.desktop.shell.Ports;
import id.oss.livechat.desktop.testing.MemorySettings;
import id.oss.livechat.desktop.util.Durations;
import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.visitor.ContactRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The desktop against the real server, started in this JVM on its own PostgreSQL: agent1 signs in
 * through the real login window (HTTP and the Tyrus socket), a visitor's chat appears in the queue,
 * the agent takes it, both sides write, the agent closes it; then a supervisor signs in and reads
 * the day's figures in the analytics pane, sees a visitor waiting where no agent is online, and the
 * day hour by hour. The pictures in docs/screenshots come from this run.
 */
@ExtendWith(ApplicationExtension.class)
class AgentDeskEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static RealServer server;

    private final Localization i18n = new Localization(AppLanguage.INDONESIAN);
    private final MemorySettings settings = new MemorySettings();
    private RealDesk app;
    private DesktopShell shell;
    private Stage stage;

    /**
     * A server of its own, not the shared one: the supervisor reads the whole day's figures (every
     * chat today, every agent online), which must be this test's alone.
     */
    @BeforeAll
    static void startServer() {
        server = RealServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new RealDesk(stage, Ports.real(), i18n, settings);
        shell = app.shell();
    }

    @AfterEach
    void closeDesktop() {
        app.close();
    }

    @Test
    void anAgentServesAVisitorFromQueueToCloseAndTheSupervisorSeesTheDaysFigures(FxRobot robot)
            throws Exception {
        // agent1 signs in through the login window
        fx(
                () -> {
                    stage.setWidth(560);
                    stage.setHeight(640);
                    return null;
                });
        robot.clickOn("#username-field").write("agent1");
        robot.clickOn("#password-field").write(RealServer.PASSWORD);
        Screenshots.save(stage, "desktop-login.png");
        signIn(robot, "agent1");
        MainViewModel agent = fx(shell::mainViewModel);
        assertThat(fx(() -> agent.user().displayName())).isEqualTo("Agus Pratama");

        // away: out of automatic routing, so a new chat waits in the queue for the agent to take
        eventually(() -> agent.status().statusProperty().get() == AgentStatus.ONLINE);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A)
                .release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        eventually(() -> agent.status().statusProperty().get() == AgentStatus.AWAY);

        try (VisitorClient siti = new VisitorClient(server.address());
                VisitorClient budi = new VisitorClient(server.address())) {
            siti.start(
                            "Status NIB belum terbit setelah verifikasi",
                            contact(
                                    "Siti Rahmawati",
                                    "siti@majubersama.co.id",
                                    "PT Maju Bersama",
                                    "Direktur"))
                    .connect();
            budi.start(
                            "Cara mengubah KBLI pada izin usaha",
                            contact(
                                    "Budi Santoso",
                                    "budi@sinarabadi.co.id",
                                    "CV Sinar Abadi",
                                    "Staf Legal"))
                    .connect();

            // both wait in the agent's queue, live over the socket
            eventually(() -> queue(robot).getItems().size() == 2);
            eventually(
                    () ->
                            queue(robot).getItems().stream()
                                    .anyMatch(q -> "Siti Rahmawati".equals(q.contactName())));
            // every queue.updated rebuilds the cells: look the button up again until a click lands
            await().atMost(WAIT)
                    .ignoreExceptions()
                    .until(
                            () -> {
                                robot.clickOn(takeButton(robot, siti));
                                return true;
                            });
            eventually(() -> "Siti Rahmawati".equals(label(robot, "#chat-title")));
            eventually(() -> queue(robot).getItems().size() == 1);
            ServerFrame.SessionUpdated assigned =
                    siti.await(
                            ServerFrame.SessionUpdated.class,
                            u -> u.status() == SessionStatus.ACTIVE);
            assertThat(assigned.agent().name()).isEqualTo("Agus Pratama");

            // messages both ways; the agent's own are acknowledged with their seq
            siti.say(
                    "Selamat pagi. Status NIB saya belum terbit padahal verifikasi sudah"
                            + " selesai minggu lalu.");
            eventually(() -> shows(robot, "verifikasi sudah selesai minggu lalu."));
            long first =
                    agentWrites(
                            robot,
                            siti,
                            "Selamat pagi, Ibu Siti. Saya periksa dulu permohonannya, mohon"
                                    + " ditunggu sebentar.");
            siti.read(first);
            siti.say("Baik, terima kasih. Nomor permohonannya I-202611250001.");
            eventually(() -> shows(robot, "Nomor permohonannya I-202611250001."));
            long second =
                    agentWrites(
                            robot,
                            siti,
                            "Permohonan Ibu masih menunggu persetujuan PKKPR. Setelah disetujui,"
                                    + " NIB terbit otomatis.");
            siti.read(second);
            siti.typing(true);
            eventually(
                    () ->
                            agent.chats().selected().visitorTypingProperty().get()
                                    && messages(robot).getItems().stream()
                                            .filter(MessageItem::fromStaff)
                                            .allMatch(m -> m.delivery() == Delivery.READ));
            assertThat(fx(() -> messages(robot).getItems().size())).isEqualTo(4);
            Screenshots.save(stage, "desktop-queue-chat.png");

            // the agent closes the chat with a reason; the visitor hears of it
            robot.clickOn("#close-chat-button");
            eventually(() -> dialog() != null);
            robot.write("Pertanyaan terjawab");
            robot.clickOn(
                    fx(
                            () ->
                                    dialog().getScene().getRoot().lookupAll(".button").stream()
                                            .filter(
                                                    b ->
                                                            i18n.text("close.confirm")
                                                                    .equals(((Button) b).getText()))
                                            .findFirst()
                                            .orElseThrow()));
            siti.await(ServerFrame.SessionUpdated.class, u -> u.status() == SessionStatus.CLOSED);
            eventually(() -> agent.chats().chats().isEmpty());

            // Budi gives up waiting: a supervisor ends the waiting chat (abandoned)
            HttpStaffApi admin = staff("admin");
            admin.close(budi.sessionId(), "Pengunjung pergi");
            eventually(() -> queue(robot).getItems().isEmpty());

            // the day's figures, computed from what this test did on its own database
            StaffSession served = admin.session(siti.sessionId());
            assertThat(served.status()).isEqualTo(SessionStatus.CLOSED);
            double waitSeconds =
                    Duration.between(served.startedAt(), served.assignedAt()).toNanos() / 1e9;
            String expectedWait = Durations.clock(Duration.ofSeconds(Math.round(waitSeconds)));

            // agent1 signs out (offline); the supervisor signs in on the same window
            robot.clickOn(i18n.text("menu.signOut"));
            eventually(() -> shell.mainViewModel() == null);
            await().atMost(WAIT)
                    .until(
                            () ->
                                    admin.agents().stream()
                                            .anyMatch(
                                                    a ->
                                                            a.username().equals("agent1")
                                                                    && a.status()
                                                                            == AgentStatus
                                                                                    .OFFLINE));
            fx(
                    () -> {
                        stage.setWidth(1366);
                        stage.setHeight(860);
                        return null;
                    });
            robot.clickOn("#username-field").write("supervisor");
            robot.clickOn("#password-field").write(RealServer.PASSWORD);
            signIn(robot, null);
            MainViewModel supervisor = fx(shell::mainViewModel);
            eventually(() -> supervisor.status().statusProperty().get() == AgentStatus.ONLINE);
            robot.clickOn(i18n.text("tab.analytics"));

            // two chats today: one served by Agus Pratama, one abandoned; nobody waiting or
            // chatting now; no agent online (the supervisor online is not one: supervisors take
            // chats only when they choose to)
            eventually(() -> "2".equals(tile(robot, "#tile-today")));
            assertThat(fx(() -> tile(robot, "#tile-agents"))).isEqualTo("0");
            assertThat(fx(() -> tile(robot, "#tile-waiting"))).isEqualTo("0");
            assertThat(fx(() -> tile(robot, "#tile-active"))).isEqualTo("0");
            assertThat(fx(() -> tile(robot, "#tile-abandon"))).isEqualTo("50 %");
            assertThat(fx(() -> tile(robot, "#tile-wait"))).isEqualTo(expectedWait);
            eventually(() -> !chartValues(robot, "#chart-per-day").isEmpty());
            List<Number> perDay = fx(() -> chartValues(robot, "#chart-per-day"));
            assertThat(perDay).hasSize(14);
            assertThat(perDay.get(13).longValue()).as("today").isEqualTo(2);
            assertThat(perDay.stream().mapToLong(Number::longValue).sum()).isEqualTo(2);
            assertThat(fx(() -> bars(robot, "#chart-per-agent")))
                    .containsEntry("Agus Pratama", 1L)
                    .containsEntry(i18n.text("analytics.noAgent"), 1L);

            // the wait per department: today's average in Layanan Umum is the served chat's
            eventually(() -> expectedWait.equals(cell(robot, "umum", ".dept-avg-wait-today")));
            assertThat(fx(() -> cell(robot, "umum", ".dept-longest-wait"))).isEqualTo("–");

            // the supervisor steps out of routing; a visitor writes in while nobody of Layanan
            // Umum is online: its line stands out, with how long the visitor has waited
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A)
                    .release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
            eventually(() -> supervisor.status().statusProperty().get() == AgentStatus.AWAY);
            try (VisitorClient rina = new VisitorClient(server.address())) {
                rina.start(
                                "Lupa kata sandi akun OSS",
                                contact(
                                        "Rina Kusuma",
                                        "rina@tokobaru.co.id",
                                        "Toko Baru",
                                        "Pemilik"))
                        .connect();
                fx(
                        () -> {
                            supervisor.analytics().orElseThrow().refreshLive();
                            return null;
                        });
                eventually(
                        () ->
                                robot.lookup("#dept-line-umum")
                                        .query()
                                        .getStyleClass()
                                        .contains("unstaffed"));
                assertThat(fx(() -> cell(robot, "umum", ".dept-waiting"))).isEqualTo("1");
                assertThat(fx(() -> cell(robot, "umum", ".dept-agents-online"))).isEqualTo("0");
                assertThat(fx(() -> cell(robot, "umum", ".dept-longest-wait"))).isNotEqualTo("–");
                assertThat(fx(() -> tile(robot, "#tile-longest-wait"))).isNotEqualTo("–");

                // today alone, hour by hour: the three chats of this test
                fx(
                        () -> {
                            var analytics = supervisor.analytics().orElseThrow();
                            analytics.fromProperty().set(analytics.toProperty().get());
                            return null;
                        });
                robot.clickOn(i18n.text("analytics.show"));
                eventually(
                        () ->
                                chartValues(robot, "#chart-per-hour").stream()
                                                .mapToLong(Number::longValue)
                                                .sum()
                                        == 3);
                assertThat(fx(() -> chartValues(robot, "#chart-per-hour"))).hasSize(24);
                // the picture without the passing notice of the new visitor over the charts
                eventually(
                        () ->
                                robot.lookup("#toast")
                                        .tryQuery()
                                        .map(toast -> !toast.isVisible())
                                        .orElse(true));
                Screenshots.save(stage, "desktop-analytics.png");
            }
        }
    }

    // the steps an agent takes

    private void signIn(FxRobot robot, String expectedUser) {
        TextField address = fx(() -> robot.lookup("#server-field").queryAs(TextField.class));
        robot.clickOn(address).push(KeyCode.CONTROL, KeyCode.A).write(server.address());
        eventually(() -> server.address().equals(address.getText()));
        robot.clickOn("#sign-in-button");
        eventually(
                () ->
                        shell.mainViewModel() != null
                                && shell.mainViewModel().link().state() == LinkState.CONNECTED
                                && (expectedUser == null
                                        || expectedUser.equals(
                                                shell.mainViewModel().user().username())));
    }

    /** Types into the composer, sends with Enter; returns the seq the server gave it. */
    private long agentWrites(FxRobot robot, VisitorClient visitor, String text) {
        robot.clickOn("#composer").write(text);
        eventually(() -> text.equals(agentDraft()));
        robot.type(KeyCode.ENTER);
        eventually(() -> messages(robot).getItems().stream().anyMatch(m -> text.equals(m.text())));
        ServerFrame.MessageNew received =
                visitor.await(
                        ServerFrame.MessageNew.class,
                        m -> text.equals(m.text()) && m.sender().type() == SenderType.AGENT);
        eventually(
                () ->
                        messages(robot).getItems().stream()
                                .anyMatch(
                                        m ->
                                                text.equals(m.text())
                                                        && !m.pending()
                                                        && m.seq() == received.seq()));
        return received.seq();
    }

    /** The dialog the window opened, if one is showing. */
    private Stage dialog() {
        return javafx.stage.Window.getWindows().stream()
                .filter(w -> w != stage && w.isShowing() && w instanceof Stage)
                .map(w -> (Stage) w)
                .findFirst()
                .orElse(null);
    }

    private String agentDraft() {
        return shell.mainViewModel().chats().selected().draftProperty().get();
    }

    private Node takeButton(FxRobot robot, VisitorClient visitor) {
        String take = i18n.text("queue.take");
        return fx(
                () ->
                        robot.lookup("#queue .list-cell").queryAllAs(ListCell.class).stream()
                                .filter(
                                        cell ->
                                                cell.getItem() instanceof QueueItem item
                                                        && item.session()
                                                                .sessionId()
                                                                .equals(visitor.sessionId()))
                                .flatMap(cell -> cell.lookupAll(".button").stream())
                                .filter(b -> take.equals(((Button) b).getText()))
                                .findFirst()
                                .orElseThrow());
    }

    private HttpStaffApi staff(String username) {
        HttpStaffApi api = new HttpStaffApi(ServerAddress.parse(server.address()).orElseThrow());
        api.login(username, RealServer.PASSWORD);
        return api;
    }

    private static ContactRequest contact(
            String name, String email, String company, String position) {
        return new ContactRequest(null, name, email, "+6281234567890", position, company);
    }

    // what the window shows (read on the FX thread)

    @SuppressWarnings("unchecked")
    private static ListView<QueueItem> queue(FxRobot robot) {
        return robot.lookup("#queue").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    private static ListView<MessageItem> messages(FxRobot robot) {
        return robot.lookup("#messages").queryAs(ListView.class);
    }

    private static boolean shows(FxRobot robot, String textEnd) {
        return messages(robot).getItems().stream().anyMatch(m -> m.text().endsWith(textEnd));
    }

    private static String label(FxRobot robot, String id) {
        // absent while no chat is selected
        return robot.lookup(id).tryQuery().map(node -> ((Label) node).getText()).orElse(null);
    }

    /** A value on a department's line of the analytics pane. */
    private static String cell(FxRobot robot, String department, String column) {
        return robot.lookup("#dept-line-" + department)
                .tryQuery()
                .map(line -> ((Label) line.lookup(column)).getText())
                .orElse(null);
    }

    private static String tile(FxRobot robot, String id) {
        VBox tile = robot.lookup(id).queryAs(VBox.class);
        return ((Label) tile.getChildren().get(0)).getText();
    }

    @SuppressWarnings("unchecked")
    private static List<Number> chartValues(FxRobot robot, String id) {
        BarChart<String, Number> chart = robot.lookup(id).queryAs(BarChart.class);
        if (chart.getData().isEmpty()) {
            return List.of();
        }
        return chart.getData().get(0).getData().stream().map(XYChart.Data::getYValue).toList();
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Long> bars(FxRobot robot, String id) {
        BarChart<String, Number> chart = robot.lookup(id).queryAs(BarChart.class);
        java.util.Map<String, Long> bars = new java.util.LinkedHashMap<>();
        chart.getData()
                .get(0)
                .getData()
                .forEach(bar -> bars.put(bar.getXValue(), bar.getYValue().longValue()));
        return bars;
    }

    /** Waits until {@code condition}, checked on the FX thread, holds. */
    private static void eventually(Callable<Boolean> condition) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> fx(condition));
    }
}
