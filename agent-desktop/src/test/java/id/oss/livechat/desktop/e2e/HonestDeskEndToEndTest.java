package id.oss.livechat.desktop.e2e;

import static id.oss.livechat.desktop.e2e.DeskDriver.eventually;
import static id.oss.livechat.desktop.e2e.DeskDriver.within;
import static id.oss.livechat.desktop.fx.FxDesk.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.desktop.chat.ChatViewModel;
import id.oss.livechat.desktop.chat.Delivery;
import id.oss.livechat.desktop.chat.MessageItem;
import id.oss.livechat.desktop.connection.ApiException;
import id.oss.livechat.desktop.connection.HttpStaffApi;
import id.oss.livechat.desktop.fx.Screenshots;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.shell.DesktopShell;
import id.oss.livechat.desktop.shell.MainViewModel;
import id.oss.livechat.desktop.testing.MemorySettings;
import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.model.staff.Agent;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.staff.UpdateAgentRequest;
import id.oss.livechat.model.visitor.ContactRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The desk must not lie (issue 14), against the real server in this JVM: every test has a
 * department and agents of its own, signs in through the real login window, and checks what the
 * agent sees against what the server says.
 */
@ExtendWith(ApplicationExtension.class)
class HonestDeskEndToEndTest {
    private static RealServer server;
    private static ServerAdmin admin;

    private final Localization i18n = new Localization(AppLanguage.INDONESIAN);
    private final RecordingPorts ports = new RecordingPorts();
    private final List<VisitorClient> visitors = new ArrayList<>();
    private RealDesk app;
    private DesktopShell shell;
    private DeskDriver desk;

    @BeforeAll
    static void useTheSharedServer() {
        server = RealServer.shared();
        admin = new ServerAdmin(server.address());
    }

    @Start
    void start(Stage stage) {
        app = new RealDesk(stage, ports, i18n, new MemorySettings());
        shell = app.shell();
        desk = app.driver();
    }

    @AfterEach
    void closeDesktop() {
        visitors.forEach(VisitorClient::close);
        app.close();
    }

    @Test
    void chatsWaitingAtSignInAreAllOnTheDeskWithinASecondOfTheirAssignment() {
        UUID department = admin.department("Uji Masuk");
        Agent rina = admin.agent("Rina Masuk", 3, department);
        List<VisitorClient> waiting =
                List.of(
                        visitor("Status NIB belum terbit", department, siti()),
                        visitor("Cara mengubah KBLI", department, budi()),
                        visitor("Izin lokasi ditolak", department, andi()));

        MainViewModel main =
                desk.signIn(server.address(), rina.username(), ServerAdmin.AGENT_PASSWORD);

        // routing hands all three to Rina the moment she is online; the desk shows each at once
        await().atMost(DeskDriver.WAIT)
                .until(
                        () ->
                                waiting.stream()
                                        .allMatch(v -> rina.id().equals(agentOf(v.sessionId()))));
        within(
                Duration.ofSeconds(1),
                () ->
                        main.chats().chats().stream()
                                        .map(ChatViewModel::sessionId)
                                        .toList()
                                        .containsAll(
                                                waiting.stream()
                                                        .map(VisitorClient::sessionId)
                                                        .toList())
                                && main.chats().chats().size() == 3);
        assertThat(fx(() -> main.status().statusProperty().get())).isEqualTo(AgentStatus.ONLINE);
        // names, not topics twice; and each says how long before it goes back to the queue
        assertThat(fx(() -> desk.chatCellTexts(waiting.get(0).sessionId())))
                .startsWith("Siti Rahmawati", "Status NIB belum terbit");
        eventually(
                () ->
                        main.chats().chats().stream()
                                .allMatch(c -> !c.timeLeftProperty().get().isEmpty()));
        eventually(() -> desk.queue().getItems().isEmpty());
    }

    @Test
    void theNameGivenAfterAnAutomaticAssignmentShowsAtOnceAndLinksOpenInTheBrowser() {
        UUID department = admin.department("Uji Kontak");
        Agent dimas = admin.agent("Dimas Kontak", 3, department);
        MainViewModel main =
                desk.signIn(server.address(), dimas.username(), ServerAdmin.AGENT_PASSWORD);
        eventually(() -> main.status().statusProperty().get() == AgentStatus.ONLINE);

        // a citizen starts a chat: assigned at once, before the contact form is filled in
        VisitorClient citizen = visitor("Perpanjangan izin usaha", department, null).connect();
        UUID id = citizen.sessionId();
        eventually(() -> main.chats().find(id).isPresent());
        eventually(() -> i18n.text("contact.noName").equals(desk.label("#chat-title")));
        assertThat(fx(() -> desk.chatCellTexts(id)))
                .startsWith(i18n.text("contact.noName"), "Perpanjangan izin usaha");

        citizen.giveContact(siti());

        eventually(() -> "Siti Rahmawati".equals(desk.label("#chat-title")));
        eventually(() -> "siti@majubersama.co.id".equals(desk.label("#contact-email")));
        assertThat(fx(() -> desk.label("#contact-name"))).isEqualTo("Siti Rahmawati");
        assertThat(fx(() -> desk.label("#contact-company"))).isEqualTo("PT Maju Bersama");
        assertThat(fx(() -> desk.chatCellTexts(id)))
                .startsWith("Siti Rahmawati", "Perpanjangan izin usaha");
        // routed and not answered yet: the time left shows
        eventually(() -> desk.label("#answer-countdown") != null);
        assertThat(fx(() -> desk.label("#answer-countdown"))).startsWith("Balas dalam 2:");

        // a link in her message opens in the browser; the text around it stays text
        citizen.say("Panduannya ada di https://oss.go.id/panduan/perpanjangan, benar?");
        eventually(() -> hyperlink("https://oss.go.id/panduan/perpanjangan") != null);
        desk.robot().clickOn(fx(() -> hyperlink("https://oss.go.id/panduan/perpanjangan")));
        eventually(() -> !ports.platform.openedLinks.isEmpty());
        assertThat(ports.platform.openedLinks)
                .containsExactly(URI.create("https://oss.go.id/panduan/perpanjangan"));

        // once Dimas answers, the chat no longer counts down
        desk.robot().clickOn("#composer").write("Benar, Ibu Siti.");
        desk.robot().type(KeyCode.ENTER);
        eventually(() -> desk.label("#answer-countdown") == null);
        assertThat(admin.session(id).answerBy()).isNull();
    }

    @Test
    void aTakeAtCapacityKeepsTheChatInTheQueueAndSaysTheRealReason() throws Exception {
        UUID department = admin.department("Uji Kapasitas");
        Agent eka = admin.agent("Eka Kapasitas", 1, department);
        MainViewModel main =
                desk.signIn(server.address(), eka.username(), ServerAdmin.AGENT_PASSWORD);
        eventually(() -> main.status().statusProperty().get() == AgentStatus.ONLINE);
        desk.shortcut(KeyCode.SHIFT, KeyCode.A); // away: she picks chats by hand
        eventually(() -> main.status().statusProperty().get() == AgentStatus.AWAY);

        VisitorClient first = visitor("Status NIB belum terbit", department, siti());
        eventually(() -> desk.queue().getItems().size() == 1);
        desk.take(first.sessionId(), i18n.text("queue.take"));
        eventually(() -> "Siti Rahmawati".equals(desk.label("#chat-title")));
        // taken by hand, but she is away: the unanswered timeout still applies
        eventually(() -> desk.label("#answer-countdown") != null);
        // online again (full, so routing gives her nothing): a chat taken by hand stays hers
        desk.shortcut(KeyCode.SHIFT, KeyCode.O);
        eventually(() -> main.status().statusProperty().get() == AgentStatus.ONLINE);
        eventually(() -> desk.label("#answer-countdown") == null);
        assertThat(admin.session(first.sessionId()).answerBy()).isNull();

        VisitorClient second = visitor("Cara mengubah KBLI", department, budi());
        eventually(() -> desk.queue().getItems().size() == 1);
        desk.take(second.sessionId(), i18n.text("queue.take"));

        String reason = i18n.text("error.agent_at_capacity");
        eventually(() -> reason.equals(desk.label("#toast")));
        assertThat(fx(() -> desk.queue().getItems()))
                .extracting(item -> item.session().sessionId())
                .containsExactly(second.sessionId());
        assertThat(fx(() -> desk.label("#queue-title"))).isEqualTo(i18n.text("queue.title", 1));
        assertThat(admin.session(second.sessionId()).status()).isEqualTo(SessionStatus.WAITING);
        Screenshots.save(desk.stage(), "desktop-take-at-capacity.png");
    }

    @Test
    void ctrlWThenTypingKeepsTheReasonAndEnterCloses() {
        UUID department = admin.department("Uji Tutup");
        Agent fajar = admin.agent("Fajar Tutup", 3, department);
        MainViewModel main =
                desk.signIn(server.address(), fajar.username(), ServerAdmin.AGENT_PASSWORD);
        VisitorClient citizen = visitor("Status NIB belum terbit", department, siti());
        eventually(() -> main.chats().find(citizen.sessionId()).isPresent());
        eventually(() -> "Siti Rahmawati".equals(desk.label("#chat-title")));

        desk.shortcut(KeyCode.W);
        eventually(() -> desk.dialog() != null);
        // the first key is a space: it belongs to the reason, it must not press "close"
        desk.typeKeys(" sudah dijawab lewat telepon");
        TextField reason = fx(() -> (TextField) desk.dialog().getScene().lookup("#close-reason"));
        await().atMost(DeskDriver.WAIT)
                .untilAsserted(
                        () ->
                                assertThat(fx(() -> reason.getText()))
                                        .isEqualTo(" sudah dijawab lewat telepon"));
        assertThat(admin.session(citizen.sessionId()).status()).isEqualTo(SessionStatus.ACTIVE);
        desk.robot().type(KeyCode.ENTER);

        await().atMost(DeskDriver.WAIT)
                .until(() -> admin.session(citizen.sessionId()).status() == SessionStatus.CLOSED);
        StaffSession closed = admin.session(citizen.sessionId());
        assertThat(closed.closeReason()).isEqualTo("sudah dijawab lewat telepon");
        eventually(() -> main.chats().chats().isEmpty());
    }

    @Test
    void signingOutWithOpenChatsWarnsThenReturnsThemToTheQueueWithANoteForTheNextAgent()
            throws Exception {
        UUID department = admin.department("Uji Keluar");
        Agent gita = admin.agent("Gita Keluar", 3, department);
        Agent hadi = admin.agent("Hadi Berikutnya", 3, department);
        MainViewModel main =
                desk.signIn(server.address(), gita.username(), ServerAdmin.AGENT_PASSWORD);
        eventually(() -> main.status().statusProperty().get() == AgentStatus.ONLINE);
        VisitorClient siti = visitor("Status NIB belum terbit", department, siti()).connect();
        VisitorClient budi = visitor("Cara mengubah KBLI", department, budi());
        eventually(() -> main.chats().chats().size() == 2);

        // Ctrl+Page Down / Up move between the chats, wherever the focus is
        ChatViewModel first = fx(() -> main.chats().selected());
        desk.robot().clickOn("#composer");
        desk.shortcut(KeyCode.PAGE_DOWN);
        eventually(() -> main.chats().selected() != first);
        desk.shortcut(KeyCode.PAGE_UP);
        eventually(() -> main.chats().selected() == first);

        // signing out asks first; going back keeps everything
        desk.robot().clickOn("#sign-out-button");
        eventually(() -> desk.dialog() != null);
        assertThat(
                        fx(
                                () ->
                                        ((Label)
                                                        desk.dialog()
                                                                .getScene()
                                                                .lookup(".header-panel .label"))
                                                .getText()))
                .isEqualTo(i18n.text("signOut.header", 2L));
        Screenshots.saveDialog(desk.dialog(), "desktop-sign-out.png");
        desk.robot().clickOn(desk.dialogButton(i18n.text("signOut.back")));
        eventually(() -> desk.dialog() == null);
        assertThat(fx(() -> main.chats().chats())).hasSize(2);
        assertThat(agentOf(siti.sessionId())).isEqualTo(gita.id());

        // confirmed: both go back to the queue, each with a staff-only note naming Gita
        desk.robot().clickOn("#sign-out-button");
        eventually(() -> desk.dialog() != null);
        desk.robot().clickOn(desk.dialogButton(i18n.text("signOut.confirm")));
        eventually(() -> shell.mainViewModel() == null);
        for (VisitorClient chat : List.of(siti, budi)) {
            await().atMost(DeskDriver.WAIT)
                    .until(() -> admin.session(chat.sessionId()).status() == SessionStatus.WAITING);
            assertThat(admin.transcript(chat.sessionId()))
                    .filteredOn(ChatMessage::internal)
                    .singleElement()
                    .extracting(ChatMessage::text)
                    .isEqualTo("Gita Keluar keluar; chat ini kembali ke antrean.");
        }
        assertThat(admin.account(gita.id()).status()).isEqualTo(AgentStatus.OFFLINE);
        siti.await(ServerFrame.SessionUpdated.class, u -> u.status() == SessionStatus.WAITING);

        // Hadi signs in and gets both, the note marked as staff-only; Siti never saw it
        MainViewModel next =
                desk.signIn(server.address(), hadi.username(), ServerAdmin.AGENT_PASSWORD);
        eventually(() -> next.chats().chats().size() == 2);
        fx(
                () -> {
                    next.chats()
                            .find(siti.sessionId())
                            .ifPresent(c -> next.chats().selectedProperty().set(c));
                    return null;
                });
        eventually(() -> desk.messages().getItems().stream().anyMatch(MessageItem::internal));
        eventually(() -> desk.robot().lookup(i18n.text("chat.internal")).tryQuery().isPresent());
        assertThat(siti.received())
                .filteredOn(ServerFrame.MessageNew.class::isInstance)
                .noneMatch(f -> ((ServerFrame.MessageNew) f).text().contains("keluar"));
        Screenshots.save(desk.stage(), "desktop-handover-note.png");
    }

    @Test
    void anAgentAnAdminDeactivatesIsBackAtSignInWithinASecondAndToldWhy() throws Exception {
        UUID department = admin.department("Uji Cabut");
        Agent joko = admin.agent("Joko Dicabut", 3, department);
        HttpStaffApi elsewhere = admin.as(joko);
        MainViewModel main =
                desk.signIn(server.address(), joko.username(), ServerAdmin.AGENT_PASSWORD);
        eventually(() -> main.status().statusProperty().get() == AgentStatus.ONLINE);

        admin.update(joko.id(), new UpdateAgentRequest(null, null, null, null, null, null, false));

        within(Duration.ofSeconds(1), () -> shell.mainViewModel() == null);
        eventually(
                () ->
                        i18n.text("signedOut.accessChanged")
                                .equals(
                                        desk.robot()
                                                .lookup("#login-error")
                                                .queryAs(Label.class)
                                                .getText()));
        Screenshots.save(desk.stage(), "desktop-access-revoked.png");
        assertThatThrownBy(elsewhere::agents)
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void signingOutOnTheDesktopEndsTheAccountsTokensOnTheServer() {
        UUID department = admin.department("Uji Keluar Token");
        Agent lina = admin.agent("Lina Keluar", 3, department);
        HttpStaffApi elsewhere = admin.as(lina);
        desk.signIn(server.address(), lina.username(), ServerAdmin.AGENT_PASSWORD);
        assertThat(elsewhere.agents()).isNotEmpty();

        desk.robot().clickOn("#sign-out-button");
        eventually(() -> shell.mainViewModel() == null);

        await().atMost(DeskDriver.WAIT)
                .untilAsserted(
                        () ->
                                assertThatThrownBy(elsewhere::agents)
                                        .isInstanceOfSatisfying(
                                                ApiException.class,
                                                e -> assertThat(e.status()).isEqualTo(401)));
    }

    @Test
    void aSupervisorSigningInGetsNoChatAndItsChatsAreItsOwn() {
        // the supervisor's own department, where the demo agents are offline
        UUID department = admin.defaultDepartment();
        Agent indra = admin.agent("Indra Sibuk", 1, department);
        admin.as(indra).setStatus(AgentStatus.ONLINE);
        VisitorClient served = visitor("Cara mengubah KBLI", department, budi());
        await().atMost(DeskDriver.WAIT).until(() -> indra.id().equals(agentOf(served.sessionId())));
        VisitorClient waiting = visitor("Status NIB belum terbit", department, siti());
        assertThat(admin.session(waiting.sessionId()).status()).isEqualTo(SessionStatus.WAITING);

        MainViewModel main = desk.signIn(server.address(), "supervisor", RealServer.PASSWORD);
        // online: routing has run for the supervisor's departments, and handed it nothing
        eventually(() -> main.status().statusProperty().get() == AgentStatus.ONLINE);
        eventually(
                () ->
                        desk.queue().getItems().stream()
                                .anyMatch(
                                        q -> q.session().sessionId().equals(waiting.sessionId())));
        assertThat(admin.session(waiting.sessionId()).status()).isEqualTo(SessionStatus.WAITING);
        assertThat(fx(() -> main.chats().chats())).isEmpty();

        // Indra's chat is busy for the supervisor's socket too, but not "my chats"
        served.connect().say("Halo, masih di sana?");
        served.await(ServerFrame.MessageAck.class, a -> true);
        assertThat(fx(() -> main.chats().chats())).isEmpty();

        // it takes one when it chooses to
        desk.take(waiting.sessionId(), i18n.text("queue.take"));
        eventually(() -> main.chats().chats().size() == 1);
        assertThat(agentOf(waiting.sessionId())).isEqualTo(main.user().id());
    }

    @Test
    void theVisitorTypingGoesWhenTheTabClosesOrNoFreshTypingComes() {
        UUID department = admin.department("Uji Mengetik");
        Agent joko = admin.agent("Joko Mengetik", 3, department);
        MainViewModel main =
                desk.signIn(server.address(), joko.username(), ServerAdmin.AGENT_PASSWORD);
        VisitorClient citizen = visitor("Status NIB belum terbit", department, siti()).connect();
        eventually(() -> "Siti Rahmawati".equals(desk.label("#chat-title")));
        String typing = i18n.text("chat.typing");

        // a "typing" whose "stopped" never comes (a lost network) goes after a few seconds
        citizen.typing(true);
        eventually(() -> typing.equals(desk.label("#visitor-typing")));
        within(Duration.ofSeconds(10), () -> desk.label("#visitor-typing") == null);

        // she types again and closes the tab mid-sentence: the server says she stopped, at once
        citizen.typing(true);
        eventually(() -> typing.equals(desk.label("#visitor-typing")));
        citizen.close();
        within(Duration.ofSeconds(3), () -> desk.label("#visitor-typing") == null);
        assertThat(fx(() -> main.chats().chats())).hasSize(1);
    }

    @Test
    void aChatAnsweredBeforeAndAssignedAgainCountsDownAgain() {
        UUID department = admin.department("Uji Kembali");
        Agent kiki = admin.agent("Kiki Kembali", 3, department);
        MainViewModel main =
                desk.signIn(server.address(), kiki.username(), ServerAdmin.AGENT_PASSWORD);
        VisitorClient citizen = visitor("Status NIB belum terbit", department, siti()).connect();
        eventually(() -> "Siti Rahmawati".equals(desk.label("#chat-title")));
        eventually(() -> desk.label("#answer-countdown") != null);
        desk.robot().clickOn("#composer").write("Sebentar, Ibu Siti.");
        desk.robot().type(KeyCode.ENTER);
        eventually(() -> desk.label("#answer-countdown") == null);

        // she signs out: the chat goes back to the queue; signing in, routing gives it back
        desk.robot().clickOn("#sign-out-button");
        eventually(() -> desk.dialog() != null);
        desk.robot().clickOn(desk.dialogButton(i18n.text("signOut.confirm")));
        eventually(() -> shell.mainViewModel() == null);
        MainViewModel again =
                desk.signIn(server.address(), kiki.username(), ServerAdmin.AGENT_PASSWORD);
        eventually(() -> again.chats().find(citizen.sessionId()).isPresent());
        await().atMost(DeskDriver.WAIT)
                .until(() -> admin.session(citizen.sessionId()).answerBy() != null);

        // her old reply is back on screen, and the server's clock runs: so does the desk's
        eventually(
                () ->
                        desk.messages().getItems().stream()
                                .anyMatch(m -> "Sebentar, Ibu Siti.".equals(m.text())));
        eventually(() -> desk.label("#answer-countdown") != null);
        assertThat(fx(() -> desk.label("#answer-countdown"))).startsWith("Balas dalam 2:");
        assertThat(
                        fx(() -> again.chats().find(citizen.sessionId()).orElseThrow())
                                .timeLeftProperty()
                                .get())
                .isNotEmpty();
        assertThat(admin.session(citizen.sessionId()).answerBy()).isNotNull();
    }

    @Test
    void whatTheVisitorReadWhileTheDeskWasClosedShowsReadWithoutItsNumber() {
        UUID department = admin.department("Uji Dibaca");
        Agent lina = admin.agent("Lina Dibaca", 3, department);
        HttpStaffApi linaApi = admin.as(lina);
        linaApi.setStatus(AgentStatus.ONLINE);
        VisitorClient citizen = visitor("Status NIB belum terbit", department, siti()).connect();
        await().atMost(DeskDriver.WAIT).until(() -> lina.id().equals(agentOf(citizen.sessionId())));
        // Lina answers from elsewhere (the REST fallback) and Siti reads it; no desk is open
        linaApi.http()
                .send(
                        "POST",
                        "/api/chat/session/" + citizen.sessionId() + "/messages",
                        Map.of(
                                "client_msg_id",
                                UUID.randomUUID().toString(),
                                "text",
                                "NIB Anda sudah terbit."),
                        Map.class);
        long seq =
                citizen.await(
                                ServerFrame.MessageNew.class,
                                m -> "NIB Anda sudah terbit.".equals(m.text()))
                        .seq();
        citizen.read(seq);
        await().atMost(DeskDriver.WAIT)
                .until(() -> admin.session(citizen.sessionId()).visitorReadSeq() == seq);

        // she signs in: the reply Siti read shows "read" at once
        MainViewModel main =
                desk.signIn(server.address(), lina.username(), ServerAdmin.AGENT_PASSWORD);
        eventually(() -> main.chats().find(citizen.sessionId()).isPresent());
        String read = "\u2713\u2713 " + i18n.text("chat.delivery.read");
        eventually(() -> messageLabels().stream().anyMatch(text -> text.endsWith(read)));
        assertThat(fx(() -> desk.messages().getItems()))
                .filteredOn(m -> "NIB Anda sudah terbit.".equals(m.text()))
                .singleElement()
                .extracting(MessageItem::delivery)
                .isEqualTo(Delivery.READ);

        // what she writes now says "sent", not the chat's internal number
        desk.robot().clickOn("#composer").write("Ada lagi yang bisa dibantu?");
        desk.robot().type(KeyCode.ENTER);
        String sent = "\u2713 " + i18n.text("chat.delivery.sent");
        eventually(() -> messageLabels().stream().anyMatch(text -> text.endsWith(sent)));
        assertThat(fx(this::messageLabels)).noneMatch(text -> text.matches(".*#\\d+.*"));
    }

    @Test
    void theSupervisorsWindowFitsTheScreenAndTheQueueColumnReadsWholeAfterSignIn()
            throws Exception {
        // as the app opens: the login window at its own size, not the test's
        fx(
                () -> {
                    desk.stage().setWidth(520);
                    desk.stage().setHeight(600);
                    return null;
                });
        MainViewModel main = desk.signIn(server.address(), "supervisor", RealServer.PASSWORD);
        eventually(() -> main.status().statusProperty().get() == AgentStatus.ONLINE);
        javafx.geometry.Rectangle2D screen =
                fx(() -> javafx.stage.Screen.getPrimary().getVisualBounds());

        eventually(() -> desk.stage().getWidth() > 900);
        assertThat(fx(() -> desk.stage().getWidth())).isLessThanOrEqualTo(screen.getWidth());
        assertThat(fx(() -> desk.stage().getHeight())).isLessThanOrEqualTo(screen.getHeight());
        eventually(() -> desk.queue().getWidth() >= 300);
        Label title = fx(() -> desk.robot().lookup("#queue-title").queryAs(Label.class));
        eventually(() -> title.getText().equals(shown(title)));
        Screenshots.save(desk.stage(), "desktop-supervisor-after-sign-in.png");
    }

    /** The texts of the labels in the transcript (each message's time and delivery among them). */
    private List<String> messageLabels() {
        return desk.robot().lookup("#messages .label").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .filter(text -> text != null)
                .toList();
    }

    /** What a label shows: its text, or the shortened one ("Antrean …"). */
    private static String shown(Label label) {
        javafx.scene.text.Text text = (javafx.scene.text.Text) label.lookup(".text");
        return text == null ? null : text.getText();
    }

    // the scene

    private VisitorClient visitor(String topic, UUID department, ContactRequest contact) {
        VisitorClient visitor =
                new VisitorClient(server.address()).start(topic, department, contact);
        visitors.add(visitor);
        return visitor;
    }

    private static UUID agentOf(UUID sessionId) {
        StaffSession session = admin.session(sessionId);
        return session.agent() == null ? null : session.agent().id();
    }

    private Hyperlink hyperlink(String text) {
        return desk.robot().lookup("#messages .hyperlink").queryAllAs(Hyperlink.class).stream()
                .filter(link -> text.equals(link.getText()))
                .findFirst()
                .orElse(null);
    }

    private static ContactRequest siti() {
        return new ContactRequest(
                null,
                "Siti Rahmawati",
                "siti@majubersama.co.id",
                "+6281234567890",
                "Direktur",
                "PT Maju Bersama");
    }

    private static ContactRequest budi() {
        return new ContactRequest(
                null,
                "Budi Santoso",
                "budi@sinarabadi.co.id",
                "+6281234567891",
                "Staf Legal",
                "CV Sinar Abadi");
    }

    private static ContactRequest andi() {
        return new ContactRequest(
                null,
                "Andi Pratama",
                "andi@karyateknik.id",
                "+6281234567892",
                "Staf Perizinan",
                "PT Karya Teknik Mandiri");
    }
}
