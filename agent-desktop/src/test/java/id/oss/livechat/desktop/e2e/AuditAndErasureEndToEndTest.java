package id.oss.livechat.desktop.e2e;

import static id.oss.livechat.desktop.e2e.DeskDriver.eventually;
import static id.oss.livechat.desktop.fx.FxDesk.fx;
import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.audit.AuditLine;
import id.oss.livechat.desktop.fx.Screenshots;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.shell.DesktopShell;
import id.oss.livechat.desktop.shell.MainViewModel;
import id.oss.livechat.desktop.testing.MemorySettings;
import id.oss.livechat.desktop.util.SaveDialog;
import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.visitor.ContactRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 18 on the desk, against the real server in this JVM: an admin reads the audit trail in the
 * Audit tab (its own sign-in, narrowed by the filters, saved as CSV), erases a visitor by e-mail
 * after confirming and sees the counts, then finds the erasure in the trail; agents and supervisors
 * get neither tab.
 */
@ExtendWith(ApplicationExtension.class)
class AuditAndErasureEndToEndTest {
    private static RealServer server;
    private ServerAdmin admin;

    private final Localization i18n = new Localization(AppLanguage.INDONESIAN);
    private final RecordingPorts ports = new RecordingPorts();
    private final List<VisitorClient> visitors = new ArrayList<>();
    private RealDesk app;
    private DesktopShell shell;
    private DeskDriver desk;

    @BeforeAll
    static void useTheSharedServer() {
        server = RealServer.shared();
    }

    /**
     * The admin's own desk signs out when a test ends, which takes back every token the account
     * holds: each test signs the scene-setting admin in afresh.
     */
    @BeforeEach
    void signInTheScenesAdmin() {
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
    void anAdminSeesItsOwnSignInNarrowsTheTrailAndSavesItAsCsv(@TempDir Path exports)
            throws Exception {
        ports.saveDialog = new SaveDialog.Recording(exports);
        // a department created and an agent signed in: entries the filters must leave out
        admin.department("Layanan Audit");
        var agent = admin.agent("Dewi Lestari", 2, admin.defaultDepartment());
        admin.as(agent);

        desk.signIn(server.address(), "admin", RealServer.PASSWORD);
        desk.robot().clickOn(i18n.text("tab.audit"));
        eventually(() -> !lines().isEmpty());
        List<AuditLine> everything = fx(() -> List.copyOf(lines()));
        assertThat(everything)
                .anyMatch(l -> l.actor().equals("admin") && l.action().equals("auth.sign_in"))
                .anyMatch(l -> l.action().equals("admin.department_created"))
                .anyMatch(l -> l.actor().equals(agent.username()));
        AuditLine mine =
                everything.stream()
                        .filter(l -> l.action().equals("auth.sign_in"))
                        .findFirst()
                        .orElseThrow();
        assertThat(mine.actor()).isEqualTo("admin");
        assertThat(mine.address()).isNotBlank();
        assertThat(mine.time()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        Screenshots.save(desk.stage(), "desktop-audit.png");

        desk.robot().clickOn("#audit-actor").write("admin");
        TextField action =
                fx(() -> desk.robot().lookup("#audit-action").queryAs(ComboBox.class).getEditor());
        desk.robot().clickOn(action).write("auth.sign_in");
        eventually(() -> "auth.sign_in".equals(action.getText()));
        desk.robot().clickOn("#audit-show");
        eventually(
                () ->
                        !lines().isEmpty()
                                && lines().stream()
                                        .allMatch(
                                                l ->
                                                        l.actor().equals("admin")
                                                                && l.action()
                                                                        .equals("auth.sign_in")));
        assertThat(fx(() -> lines().size())).isLessThan(everything.size());
        assertThat(desk.label("#audit-status")).endsWith("entri.");
        Screenshots.save(desk.stage(), "desktop-audit-filtered.png");

        desk.robot().clickOn("#audit-export");
        Path saved = exports.resolve("audit-" + java.time.LocalDate.now() + ".csv");
        eventually(
                () ->
                        ("Tersimpan: " + saved.getFileName())
                                .equals(desk.label("#audit-export-status")));
        List<String> csv = Files.readAllLines(saved, StandardCharsets.UTF_8);
        assertThat(csv.get(0)).isEqualTo("at,actor,address,action,subject,detail");
        assertThat(csv.subList(1, csv.size()))
                .isNotEmpty()
                .allMatch(row -> row.contains(",admin,") && row.contains(",auth.sign_in,"));
    }

    @Test
    void anAdminErasesAVisitorByEMailAfterConfirmingAndTheTrailShowsIt() throws Exception {
        UUID department = admin.department("Layanan Hapus Data");
        String email =
                "siti." + UUID.randomUUID().toString().substring(0, 8) + "@majubersama.co.id";
        VisitorClient siti =
                new VisitorClient(server.address())
                        .start(
                                "Izin usaha restoran",
                                department,
                                new ContactRequest(
                                        null,
                                        "Siti Rahmawati",
                                        email,
                                        "+6281234567890",
                                        "Direktur",
                                        "PT Maju Bersama"))
                        .connect();
        visitors.add(siti);
        siti.say("NIB saya 9120001234567, mohon dibantu.");

        MainViewModel main = desk.signIn(server.address(), "admin", RealServer.PASSWORD);
        desk.robot().clickOn(i18n.text("tab.erase"));

        // a visitor nobody knows: said plainly, nothing erased
        desk.robot().clickOn("#erase-value").write("nobody@example.org");
        desk.robot().clickOn("#erase-ask");
        eventually(() -> desk.label("#erase-confirmation") != null);
        desk.robot().clickOn("#erase-confirm");
        eventually(
                () ->
                        ("Tidak ada data pengunjung dengan E-mail nobody@example.org. Tidak ada"
                                        + " yang dihapus.")
                                .equals(desk.label("#erase-problem")));

        TextField value = fx(() -> desk.robot().lookup("#erase-value").queryAs(TextField.class));
        desk.robot().clickOn(value).push(KeyCode.CONTROL, KeyCode.A).write(email);
        eventually(() -> email.equals(value.getText()));
        desk.robot().clickOn("#erase-ask");
        eventually(() -> desk.label("#erase-confirmation") != null);
        assertThat(desk.label("#erase-confirmation"))
                .startsWith("Semua data pengunjung dengan E-mail " + email + " akan dihapus")
                .endsWith("tidak dapat dibatalkan.");
        assertThat(desk.label("#erase-problem")).isNull();
        Screenshots.save(desk.stage(), "desktop-erase-confirm.png");
        assertThat(admin.transcript(siti.sessionId()))
                .extracting(ChatMessage::text)
                .contains("NIB saya 9120001234567, mohon dibantu.");

        desk.robot().clickOn("#erase-confirm");
        // the result's box may show a moment before its title is filled in
        eventually(
                () ->
                        desk.label("#erase-result-title") != null
                                && !desk.label("#erase-result-title").isBlank());
        assertThat(desk.label("#erase-result-title"))
                .isEqualTo("Data pengunjung dengan E-mail " + email + " telah dihapus.");
        assertThat(desk.label("#erase-count-sessions")).isEqualTo("1");
        assertThat(desk.label("#erase-count-contacts")).isEqualTo("1");
        assertThat(Long.parseLong(desk.label("#erase-count-messages"))).isPositive();
        assertThat(admin.transcript(siti.sessionId()))
                .extracting(ChatMessage::text)
                .isNotEmpty()
                .allMatch("[dihapus]"::equals);
        Screenshots.save(desk.stage(), "desktop-erase.png");

        desk.robot().clickOn(i18n.text("tab.audit"));
        eventually(
                () ->
                        lines().stream()
                                .anyMatch(
                                        l ->
                                                l.action().equals("privacy.erase")
                                                        && l.actor().equals("admin")));
        AuditLine erased =
                fx(
                        () ->
                                lines().stream()
                                        .filter(l -> l.action().equals("privacy.erase"))
                                        .findFirst()
                                        .orElseThrow());
        assertThat(erased.subject()).startsWith("visitor");
        assertThat(erased.detail()).doesNotContain(email);
        assertThat(main.user().username()).isEqualTo("admin");
    }

    @Test
    void onlyAnAdminsDeskHasTheAuditAndErasureTabs() {
        var agent = admin.agent("Eko Prasetyo", 2, admin.defaultDepartment());
        settled(desk.signIn(server.address(), agent.username(), ServerAdmin.AGENT_PASSWORD));
        assertThat(tabIds()).doesNotContain("tab-audit", "tab-erase");
        signOut();

        settled(desk.signIn(server.address(), "supervisor", RealServer.PASSWORD));
        assertThat(tabIds()).contains("tab-analytics").doesNotContain("tab-audit", "tab-erase");
        signOut();

        settled(desk.signIn(server.address(), "admin", RealServer.PASSWORD));
        assertThat(tabIds()).contains("tab-hours", "tab-audit", "tab-erase");
    }

    /** The desk has loaded its chats and come online: nothing of the sign-in is still running. */
    private static void settled(MainViewModel main) {
        eventually(() -> main.status().statusProperty().get() == AgentStatus.ONLINE);
    }

    private void signOut() {
        fx(
                () -> {
                    shell.mainViewModel().signOut();
                    return null;
                });
        eventually(() -> shell.mainViewModel() == null);
    }

    /** The ids of the main window's tabs (none for an agent: it has no tab pane). */
    private List<String> tabIds() {
        return fx(
                () ->
                        desk.robot().lookup(".main-tabs").queryAllAs(TabPane.class).stream()
                                .flatMap(tabs -> tabs.getTabs().stream())
                                .map(Tab::getId)
                                .toList());
    }

    @SuppressWarnings("unchecked")
    private List<AuditLine> lines() {
        return desk.robot().lookup("#audit-table").queryAs(TableView.class).getItems();
    }
}
