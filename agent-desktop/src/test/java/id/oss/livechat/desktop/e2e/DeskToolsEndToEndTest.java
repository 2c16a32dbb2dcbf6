package id.oss.livechat.desktop.e2e;

import static id.oss.livechat.desktop.e2e.DeskDriver.eventually;
import static id.oss.livechat.desktop.fx.FxDesk.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.desktop.board.AgentLine;
import id.oss.livechat.desktop.chat.ChatViewModel;
import id.oss.livechat.desktop.chat.MessageItem;
import id.oss.livechat.desktop.fx.FxDesk;
import id.oss.livechat.desktop.fx.Screenshots;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.shell.DesktopShell;
import id.oss.livechat.desktop.shell.MainViewModel;
import id.oss.livechat.desktop.testing.MemorySettings;
import id.oss.livechat.desktop.tools.HttpDeskToolsApi;
import id.oss.livechat.desktop.util.SaveDialog;
import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.Language;
import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.canned.CannedResponseRequest;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.model.search.SearchResult;
import id.oss.livechat.model.staff.Agent;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.tagging.CloseReason;
import id.oss.livechat.model.visitor.ContactRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What agents reach for all day (issue 19), in the real window against the real server: a canned
 * reply typed as "/nib", edited and sent; a tag and a close reason from the admins' lists; a past
 * chat found by a word and read; the day's figures exported as CSV.
 */
@ExtendWith(ApplicationExtension.class)
class DeskToolsEndToEndTest {
    private static RealServer server;
    private static ServerAdmin admin;

    private final Localization i18n = new Localization(AppLanguage.INDONESIAN);
    private final RecordingPorts ports = new RecordingPorts();
    private final List<VisitorClient> visitors = new ArrayList<>();
    private RealDesk app;
    private DesktopShell shell;
    private DeskDriver desk;

    @TempDir Path exports;

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
    void anAgentTypesSlashNibPicksTheReplyEditsItSendsItThenTagsAndClosesTheChat()
            throws Exception {
        UUID department = admin.department("Perizinan Berusaha");
        Agent rina = admin.agent("Rina Wulandari", 3, department);
        HttpDeskToolsApi supervisor = admin.supervisorTools();
        supervisor.createCannedResponse(
                new CannedResponseRequest(
                        "nib",
                        "Selamat siang Ibu {nama_pengunjung}, saya {nama_agen}. NIB terbit"
                                + " otomatis setelah data usaha lengkap; topik Anda: {topik}.",
                        Language.ID,
                        department));
        supervisor.createCannedResponse(
                new CannedResponseRequest(
                        "nib",
                        "Good afternoon {visitor_name}, your NIB is issued automatically.",
                        Language.EN,
                        department));
        supervisor.createCannedResponse(
                new CannedResponseRequest(
                        "kbli",
                        "Ubah KBLI lewat menu Perubahan Data Usaha.",
                        Language.ID,
                        department));
        MainViewModel main =
                desk.signIn(server.address(), rina.username(), ServerAdmin.AGENT_PASSWORD);
        VisitorClient siti = visitor("Pendaftaran NIB", department, siti()).connect();
        UUID chat = siti.sessionId();
        eventually(() -> main.chats().find(chat).isPresent());
        fx(
                () -> {
                    main.chats().selectedProperty().set(main.chats().find(chat).orElseThrow());
                    return null;
                });
        eventually(() -> main.cannedReplies().all().size() == 3);

        // "/nib" opens the list, both languages of the reply in it
        desk.robot().clickOn("#composer").write("/nib");
        eventually(() -> popupShown() && canned().getItems().size() == 2);
        assertThat(fx(() -> canned().getItems().get(0).language())).isEqualTo(Language.ID);
        Screenshots.save(desk.stage(), "desktop-canned-replies.png");

        // arrows choose, Enter puts the reply into the composer, filled in, and sends nothing
        desk.robot().type(KeyCode.DOWN).type(KeyCode.UP).type(KeyCode.ENTER);
        String filled =
                "Selamat siang Ibu Siti Rahmawati, saya Rina Wulandari. NIB terbit otomatis"
                        + " setelah data usaha lengkap; topik Anda: Pendaftaran NIB.";
        eventually(() -> filled.equals(composer().getText()));
        assertThat(fx(this::popupShown)).isFalse();
        assertThat(fx(() -> messagesOf(main, chat))).isEmpty();

        // the agent edits it at the end, and sends it with Enter
        desk.robot().write(" Ada lagi yang bisa dibantu?");
        desk.robot().type(KeyCode.ENTER);
        String sent = filled + " Ada lagi yang bisa dibantu?";
        ServerFrame.MessageNew received =
                siti.await(
                        ServerFrame.MessageNew.class,
                        m -> m.sender() != null && m.sender().type() == SenderType.AGENT);
        assertThat(received.text()).isEqualTo(sent);
        assertThat(fx(() -> composer().getText())).isEmpty();

        // a tag from the admins' list, in the chat's header
        desk.robot().clickOn("#tag-menu");
        eventually(() -> !tagMenu().getItems().isEmpty());
        fx(
                () -> {
                    tagMenu().getItems().stream()
                            .filter(item -> "tag-nib".equals(item.getId()))
                            .findFirst()
                            .orElseThrow()
                            .fire();
                    tagMenu().hide();
                    return null;
                });
        eventually(() -> main.chatTags().tags().size() == 1);
        assertThat(
                        fx(
                                () ->
                                        ((Pane) desk.robot().lookup("#chat-tags").query())
                                                .getChildren()
                                                .size()))
                .isEqualTo(1);
        Screenshots.save(desk.stage(), "desktop-chat-tags.png");

        // closed with a reason from the list
        desk.shortcut(KeyCode.W);
        eventually(() -> desk.dialog() != null);
        fx(
                () -> {
                    @SuppressWarnings("unchecked")
                    ComboBox<CloseReason> reasons =
                            (ComboBox<CloseReason>)
                                    desk.dialog().getScene().lookup("#close-reason-code");
                    reasons.setValue(
                            reasons.getItems().stream()
                                    .filter(r -> r != null && r.code().equals("terjawab"))
                                    .findFirst()
                                    .orElseThrow());
                    return null;
                });
        Screenshots.saveDialog(desk.dialog(), "desktop-close-reason.png");
        desk.robot().clickOn(desk.dialogButton(i18n.text("close.confirm")));
        eventually(() -> main.chats().find(chat).isEmpty());

        // the server keeps both: the supervisor's chat list says so
        String row =
                admin.chatListCsv(department)
                        .lines()
                        .filter(line -> line.startsWith(chat.toString()))
                        .findFirst()
                        .orElseThrow();
        assertThat(row).contains(",closed,").contains(",nib,terjawab,terjawab,");
    }

    @Test
    void anAgentWritesAnInternalNoteThatStaffSeeAndTheVisitorNever() throws Exception {
        UUID department = admin.department("Perizinan Berusaha");
        Agent rina = admin.agent("Rina Wulandari", 3, department);
        MainViewModel main =
                desk.signIn(server.address(), rina.username(), ServerAdmin.AGENT_PASSWORD);
        VisitorClient siti = visitor("Pendaftaran NIB", department, siti()).connect();
        siti.say("NIB saya belum terbit, kenapa ya?");
        UUID chat = siti.sessionId();
        eventually(() -> main.chats().find(chat).isPresent());
        fx(
                () -> {
                    main.chats().selectedProperty().set(main.chats().find(chat).orElseThrow());
                    return null;
                });

        // the toggle turns the composer into a note: amber, its own button
        desk.robot().clickOn("#note-toggle");
        eventually(() -> composerBox().getStyleClass().contains("note-mode"));
        assertThat(desk.label("#note-hint")).contains("pengunjung tidak akan melihat");
        String note = "KBLI 62019 sudah dicek; NIB tertahan di verifikasi PKKPR.";
        desk.robot().clickOn("#composer").write(note);
        desk.robot().type(KeyCode.ENTER);

        // shown to the agent as a staff-only note, the composer back to replies
        eventually(() -> notesOf(main, chat).contains(note));
        eventually(() -> composer().getText().isEmpty());
        assertThat(fx(() -> composerBox().getStyleClass().contains("note-mode"))).isFalse();
        // the reply after it reaches the visitor; the note never did
        desk.robot().clickOn("#composer").write("Sedang kami periksa, mohon ditunggu.");
        desk.robot().type(KeyCode.ENTER);
        siti.await(
                ServerFrame.MessageNew.class,
                m -> m.sender() != null && m.sender().type() == SenderType.AGENT);
        assertThat(siti.received())
                .filteredOn(f -> f instanceof ServerFrame.MessageNew)
                .map(f -> ((ServerFrame.MessageNew) f).text())
                .doesNotContain(note);

        // a supervisor reading the chat sees the note, marked internal
        assertThat(admin.supervisorTranscript(chat))
                .anySatisfy(
                        m -> {
                            assertThat(m.text()).isEqualTo(note);
                            assertThat(m.internal()).isTrue();
                        });

        // a second note being written, for the picture: the note above, the amber composer
        desk.robot().clickOn("#note-toggle");
        desk.robot().clickOn("#composer").write("Jika besok belum terbit, eskalasi ke tim PKKPR.");
        eventually(() -> composerBox().getStyleClass().contains("note-mode"));
        Screenshots.save(desk.stage(), "desktop-internal-note.png");
    }

    @Test
    void aSupervisorsBoardShowsANewChatWithinASecondWatchesItLiveAndReassignsIt() throws Exception {
        UUID department = admin.department("Perizinan Berusaha");
        Agent rina = admin.agent("Rina Wulandari", 3, department);
        Agent dodi = admin.agent("Dodi Kurniawan", 2, department);
        admin.as(rina).setStatus(AgentStatus.ONLINE);
        MainViewModel main = desk.signIn(server.address(), "supervisor", RealServer.PASSWORD);
        showTab("tab-board");
        eventually(() -> boardAgent(rina.id()) != null);
        assertThat(fx(() -> boardAgent(rina.id()).activeChats())).isZero();
        assertThat(fx(() -> boardAgent(dodi.id()).status())).isEqualTo(AgentStatus.OFFLINE);

        // Dodi comes online: the board says so, live
        admin.as(dodi).setStatus(AgentStatus.ONLINE);
        eventually(() -> boardAgent(dodi.id()).status() == AgentStatus.ONLINE);

        // a visitor's chat goes to Rina: on the board within a second of the assignment
        VisitorClient siti = visitor("Pendaftaran NIB", department, siti());
        UUID chat = siti.sessionId();
        await().atMost(DeskDriver.WAIT).until(() -> admin.session(chat).agent() != null);
        UUID servedBy = admin.session(chat).agent().id();
        DeskDriver.within(
                Duration.ofSeconds(1),
                () ->
                        boardChats().getItems().stream().anyMatch(s -> s.sessionId().equals(chat))
                                && boardAgent(servedBy).activeChats() == 1);
        Screenshots.save(desk.stage(), "desktop-supervisor-board.png");

        // watched read-only, it follows the chat as it happens
        desk.robot().clickOn(chatButton(chat, ".board-watch"));
        eventually(() -> watchWindow() != null);
        siti.connect().say("Apakah NIB bisa terbit hari ini?");
        eventually(
                () ->
                        watchTranscript().getItems().stream()
                                .anyMatch(
                                        m -> m.text().equals("Apakah NIB bisa terbit hari ini?")));
        assertThat(fx(() -> watchWindow().getScene().lookup("#composer"))).isNull();
        Screenshots.save(watchWindow(), "desktop-supervisor-watch.png");
        fx(
                () -> {
                    watchWindow().close();
                    return null;
                });

        // reassigned from the board to the other agent
        UUID other = servedBy.equals(rina.id()) ? dodi.id() : rina.id();
        desk.robot().clickOn(chatButton(chat, ".board-reassign"));
        eventually(() -> desk.dialog() != null);
        fx(
                () -> {
                    DialogPane pane = (DialogPane) desk.dialog().getScene().getRoot();
                    @SuppressWarnings("unchecked")
                    ComboBox<AgentLine> to = (ComboBox<AgentLine>) pane.lookup(".combo-box");
                    to.setValue(
                            to.getItems().stream()
                                    .filter(a -> a.id().equals(other))
                                    .findFirst()
                                    .orElseThrow());
                    return null;
                });
        desk.robot()
                .clickOn(
                        fx(
                                () ->
                                        ((DialogPane) desk.dialog().getScene().getRoot())
                                                .lookupButton(ButtonType.OK)));
        await().atMost(DeskDriver.WAIT).until(() -> other.equals(admin.session(chat).agent().id()));
        eventually(
                () ->
                        boardAgent(other).activeChats() == 1
                                && boardAgent(servedBy).activeChats() == 0);
        assertThat(main.user().username()).isEqualTo("supervisor");
    }

    private void showTab(String id) {
        FxDesk.selectTab(desk.robot(), id);
    }

    @SuppressWarnings("unchecked")
    private ListView<AgentLine> boardAgents() {
        return desk.robot().lookup("#board-agents").queryAs(ListView.class);
    }

    private AgentLine boardAgent(UUID id) {
        return boardAgents().getItems().stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private ListView<StaffSession> boardChats() {
        return desk.robot().lookup("#board-chats").queryAs(ListView.class);
    }

    /**
     * A button of the board's row for that chat, scrolled into view first: the longest-running
     * chats come first, and on the shared server other classes' chats may be in progress too.
     */
    private javafx.scene.Node chatButton(UUID chat, String which) {
        fx(
                () -> {
                    boardChats().getItems().stream()
                            .filter(s -> s.sessionId().equals(chat))
                            .findFirst()
                            .ifPresent(boardChats()::scrollTo);
                    return null;
                });
        eventually(() -> chatRow(chat) != null);
        return fx(() -> chatRow(chat).lookup(which));
    }

    /** The board's row for that chat, if it is on screen. */
    @SuppressWarnings("unchecked")
    private ListCell<StaffSession> chatRow(UUID chat) {
        return boardChats().lookupAll(".list-cell").stream()
                .map(c -> (ListCell<StaffSession>) c)
                .filter(c -> c.getItem() != null && c.getItem().sessionId().equals(chat))
                .findFirst()
                .orElse(null);
    }

    private Stage watchWindow() {
        return Window.getWindows().stream()
                .filter(w -> w != desk.stage() && w.isShowing() && w instanceof Stage)
                .map(w -> (Stage) w)
                .filter(s -> s.getTitle() != null && s.getTitle().startsWith("Memantau"))
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private ListView<MessageItem> watchTranscript() {
        return (ListView<MessageItem>) watchWindow().getScene().lookup("#watch-transcript");
    }

    @Test
    void aSupervisorFindsAPastChatByAWordReadsItAndExportsTheFigures() throws Exception {
        ports.saveDialog = new SaveDialog.Recording(exports);
        UUID department = admin.department("Perizinan Berusaha");
        VisitorClient first = visitor("Perizinan berusaha", department, siti()).connect();
        first.say("Lokasi usaha saya di Bekasi, apakah perlu PKKPR dulu sebelum PBG?");
        first.say("Bidang usahanya gudang.");
        VisitorClient second = visitor("Pendaftaran NIB", department, budi()).connect();
        second.say("Status PKKPR saya masih menunggu verifikasi DPMPTSP Bekasi.");
        VisitorClient third = visitor("Perubahan data usaha", department, andi()).connect();
        third.say("Saya mau ubah KBLI, apa PKKPR perlu diurus ulang?");

        MainViewModel main = desk.signIn(server.address(), "supervisor", RealServer.PASSWORD);
        desk.robot().clickOn("#search-box").write("pkkpr bekasi");
        desk.robot().type(KeyCode.ENTER);
        eventually(() -> searchWindow() != null);
        eventually(() -> results().getItems().size() == 2);
        assertThat(fx(() -> results().getItems().stream().map(SearchResult::sessionId).toList()))
                .containsExactlyInAnyOrder(first.sessionId(), second.sessionId());

        // the chat opens read-only: its transcript, no composer
        fx(
                () -> {
                    results().getSelectionModel().select(0);
                    return null;
                });
        eventually(() -> transcript().getItems().size() >= 1);
        SearchResult opened = fx(() -> results().getItems().get(0));
        List<VisitorClient> all = List.of(first, second);
        VisitorClient expected =
                all.stream()
                        .filter(v -> v.sessionId().equals(opened.sessionId()))
                        .findFirst()
                        .orElseThrow();
        assertThat(fx(() -> transcript().getItems().get(0).text())).contains("PKKPR");
        assertThat(fx(() -> searchWindow().getScene().lookup("#composer"))).isNull();
        assertThat(expected.sessionId()).isEqualTo(opened.sessionId());
        Screenshots.save(searchWindow(), "desktop-search.png");
        fx(
                () -> {
                    searchWindow().close();
                    return null;
                });

        // the analytics pane's Export saves the chosen range's figures through the file chooser
        showTab("tab-analytics");
        // below the departments' lines, of which the shared server has many
        desk.scrollIntoView("#export-button");
        desk.robot().clickOn("#export-button");
        SaveDialog.Recording chooser = (SaveDialog.Recording) ports.saveDialog;
        eventually(() -> chooser.suggestedNames.size() == 1);
        Path saved = exports.resolve(chooser.suggestedNames.get(0));
        eventually(() -> Files.exists(saved) && Files.size(saved) > 0);
        List<String> lines = Files.readAllLines(saved);
        assertThat(chooser.suggestedNames.get(0)).startsWith("analitik-").endsWith(".csv");
        assertThat(lines.get(0)).startsWith("key,label,sessions,assigned,abandoned,");
        assertThat(lines.get(lines.size() - 1)).startsWith("total,Total,");
        eventually(
                () ->
                        desk.label("#export-status") != null
                                && desk.label("#export-status").startsWith("Tersimpan"));
        assertThat(main.user().username()).isEqualTo("supervisor");
    }

    @SuppressWarnings("unchecked")
    private ListView<id.oss.livechat.model.canned.CannedResponse> canned() {
        return desk.robot().lookup("#canned-list").queryAs(ListView.class);
    }

    /** Whether the canned replies' list shows over the composer. */
    private boolean popupShown() {
        return desk.robot().lookup("#canned-popup").query().isVisible();
    }

    private MenuButton tagMenu() {
        return desk.robot().lookup("#tag-menu").queryAs(MenuButton.class);
    }

    private Pane composerBox() {
        return desk.robot().lookup(".composer-box").queryAs(Pane.class);
    }

    private static List<String> notesOf(MainViewModel main, UUID chat) {
        ChatViewModel open = main.chats().find(chat).orElseThrow();
        return open.messages().stream()
                .filter(MessageItem::internal)
                .map(MessageItem::text)
                .toList();
    }

    private TextArea composer() {
        return desk.robot().lookup("#composer").queryAs(TextArea.class);
    }

    private static List<String> messagesOf(MainViewModel main, UUID chat) {
        ChatViewModel open = main.chats().find(chat).orElseThrow();
        return open.messages().stream()
                .filter(MessageItem::fromStaff)
                .map(MessageItem::text)
                .toList();
    }

    private Stage searchWindow() {
        return Window.getWindows().stream()
                .filter(w -> w != desk.stage() && w.isShowing() && w instanceof Stage)
                .map(w -> (Stage) w)
                .filter(s -> i18n.text("search.title").equals(s.getTitle()))
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private ListView<SearchResult> results() {
        return (ListView<SearchResult>) searchWindow().getScene().lookup("#search-results");
    }

    @SuppressWarnings("unchecked")
    private ListView<MessageItem> transcript() {
        return (ListView<MessageItem>) searchWindow().getScene().lookup("#search-transcript");
    }

    private VisitorClient visitor(String topic, UUID department, ContactRequest contact) {
        VisitorClient visitor =
                new VisitorClient(server.address()).start(topic, department, contact);
        visitors.add(visitor);
        return visitor;
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
