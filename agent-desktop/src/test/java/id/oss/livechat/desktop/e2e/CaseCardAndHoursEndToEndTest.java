package id.oss.livechat.desktop.e2e;

import static id.oss.livechat.desktop.e2e.DeskDriver.eventually;
import static id.oss.livechat.desktop.fx.FxDesk.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.desktop.fx.Screenshots;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.shell.DesktopShell;
import id.oss.livechat.desktop.shell.MainViewModel;
import id.oss.livechat.desktop.testing.MemorySettings;
import id.oss.livechat.model.staff.Agent;
import id.oss.livechat.model.staff.RoutingRule;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.visitor.ContactRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Node;
import javafx.stage.Stage;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 20 on the desk, against the real server in this JVM. The citizen's case: one the portal
 * signed routes by the admins' KBLI rule and shows on the "Kasus" card as signed; the same case
 * unsigned goes to the page's default department and the card says it is unverified. Opening hours:
 * an admin keeps a department's schedule in the "Jam layanan" tab.
 */
@ExtendWith(ApplicationExtension.class)
class CaseCardAndHoursEndToEndTest {
    /** The demo server's OSS_IDENTITY_SECRET: the portal's backend signs with it. */
    private static final String PORTAL_SECRET = "demo-oss-secret";

    private static RealServer server;
    private static ServerAdmin admin;

    private final Localization i18n = new Localization(AppLanguage.INDONESIAN);
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
        app = new RealDesk(stage, new RecordingPorts(), i18n, new MemorySettings());
        shell = app.shell();
        desk = app.driver();
    }

    @AfterEach
    void closeDesktop() {
        visitors.forEach(VisitorClient::close);
        admin.routingRules(List.of());
        app.close();
    }

    /** The case of the demo dashboard: the worked example of docs/API.md. */
    private static Map<String, Object> restaurantCase() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("nib", "9120001234567");
        context.put("application_number", "PB-UMKU-202611-000123");
        context.put("kbli", List.of("56101", "47111"));
        context.put("licence_type", "Sertifikat Standar");
        context.put("province", "DKI Jakarta");
        return context;
    }

    /** What the portal's backend computes: HMAC-SHA256 over the canonical JSON, in hex. */
    private static String signed(String canonical) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(PORTAL_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String CANONICAL =
            "{\"application_number\":\"PB-UMKU-202611-000123\",\"kbli\":[\"56101\",\"47111\"],"
                    + "\"licence_type\":\"Sertifikat Standar\",\"nib\":\"9120001234567\","
                    + "\"province\":\"DKI Jakarta\"}";

    private VisitorClient citizen(UUID pageDefault, String hash, ContactRequest contact) {
        VisitorClient visitor =
                new VisitorClient(server.address())
                        .startWithCase(
                                "Sertifikat Standar restoran",
                                pageDefault,
                                restaurantCase(),
                                hash,
                                contact);
        visitors.add(visitor);
        return visitor;
    }

    private void show(MainViewModel main, UUID sessionId) {
        eventually(() -> main.chats().find(sessionId).isPresent());
        fx(
                () -> {
                    main.chats()
                            .find(sessionId)
                            .ifPresent(c -> main.chats().selectedProperty().set(c));
                    return null;
                });
    }

    private String cardLabel(String id) {
        return desk.label("#case-card #" + id);
    }

    @Test
    void aSignedCaseRoutesByTheRuleAndTheCardSaysItIsSignedTheSameUnsignedIsUnverified()
            throws Exception {
        UUID restaurants = admin.department("Kuliner & Pangan");
        UUID general = admin.department("Layanan Uji");
        Agent rina = admin.agentOf("Rina Wulandari", 3, restaurants, general);
        admin.routingRules(List.of(new RoutingRule("kbli", "561", restaurants)));
        assertThat(signed(CANONICAL))
                .isEqualTo("7bb9be0d6260d5b7f4198e10d4309509f245bd2fb887bd126a38d10e5c1d68c0");

        MainViewModel main =
                desk.signIn(server.address(), rina.username(), ServerAdmin.AGENT_PASSWORD);
        VisitorClient signedCase = citizen(general, signed(CANONICAL), siti()).connect();
        await().atMost(DeskDriver.WAIT)
                .until(() -> rina.id().equals(agentOf(signedCase.sessionId())));
        StaffSession routed = admin.session(signedCase.sessionId());
        assertThat(routed.department().id())
                .as("KBLI 56101: the rule's department")
                .isEqualTo(restaurants);
        assertThat(routed.contextVerified()).isTrue();

        signedCase.say("Selamat siang, Sertifikat Standar restoran saya belum diverifikasi.");
        show(main, signedCase.sessionId());
        eventually(() -> "Siti Rahmawati".equals(desk.label("#contact-name")));
        eventually(() -> desk.messages().getItems().size() == 1);
        eventually(
                () ->
                        !i18n.text("contact.history.loading")
                                .equals(main.contact().historyStatusProperty().get()));
        eventually(() -> desk.label("#case-card #case-trust") != null);
        assertThat(cardLabel("case-trust")).isEqualTo("\u2714 Ditandatangani portal OSS");
        assertThat(cardLabel("case-nib")).isEqualTo("9120001234567");
        assertThat(cardLabel("case-application")).isEqualTo("PB-UMKU-202611-000123");
        assertThat(cardLabel("case-kbli")).isEqualTo("56101, 47111");
        assertThat(cardLabel("case-licence-type")).isEqualTo("Sertifikat Standar");
        assertThat(cardLabel("case-province")).isEqualTo("DKI Jakarta");
        Screenshots.save(desk.stage(), "desktop-case-card.png");

        // the same case without the portal's signature: kept, shown unverified, routes nowhere
        VisitorClient unsigned = citizen(general, null, budi());
        await().atMost(DeskDriver.WAIT)
                .until(() -> rina.id().equals(agentOf(unsigned.sessionId())));
        StaffSession notRouted = admin.session(unsigned.sessionId());
        assertThat(notRouted.department().id())
                .as("the page's default department")
                .isEqualTo(general);
        assertThat(notRouted.contextVerified()).isFalse();

        show(main, unsigned.sessionId());
        eventually(() -> "Budi Santoso".equals(desk.label("#contact-name")));
        eventually(() -> "\u26A0 Belum terverifikasi".equals(cardLabel("case-trust")));
        assertThat(cardLabel("case-nib")).isEqualTo("9120001234567");
        Node trust = fx(() -> desk.robot().lookup("#case-trust").query());
        assertThat(fx(() -> List.copyOf(trust.getStyleClass()))).contains("case-unverified");
        eventually(
                () ->
                        !i18n.text("contact.history.loading")
                                .equals(main.contact().historyStatusProperty().get()));
        Screenshots.save(desk.stage(), "desktop-case-card-unverified.png");
    }

    @Test
    void anAdminKeepsADepartmentsScheduleInTheServiceHoursTab() throws Exception {
        UUID department = admin.department("Layanan Papua (WIT)");
        desk.signIn(server.address(), "admin", RealServer.PASSWORD);
        desk.robot().clickOn(i18n.text("tab.hours"));
        eventually(() -> desk.robot().lookup("#hours-departments").tryQuery().isPresent());
        desk.robot().clickOn("Layanan Papua (WIT)");
        eventually(() -> "Jam layanan Layanan Papua (WIT)".equals(desk.label("#hours-title")));
        eventually(() -> i18n.text("hours.now.always").equals(desk.label("#hours-now")));

        desk.robot().clickOn("#hours-always-open");
        fx(
                () -> {
                    javafx.scene.control.ComboBox<?> zone =
                            desk.robot()
                                    .lookup("#hours-zone")
                                    .queryAs(javafx.scene.control.ComboBox.class);
                    zone.getSelectionModel().select(2); // Asia/Jayapura: WIT
                    return null;
                });
        for (String day : List.of("monday", "wednesday", "thursday")) {
            desk.robot().clickOn("#hours-day-" + day).write("08:00-16:00");
        }
        desk.robot().clickOn("#hours-day-tuesday").write("08:00-12:00, 11:00-16:00");
        desk.robot().clickOn("#hours-day-friday").write("08:00-11:30, 13:30-16:00");
        desk.robot().clickOn("#hours-holidays").write("2026-12-25 Hari Raya Natal");
        desk.robot().clickOn("#hours-save");

        // the overlap is named at its day, and nothing is saved
        eventually(
                () ->
                        "08:00–12:00 bertumpuk dengan 11:00–16:00."
                                .equals(desk.label("#hours-problem-tuesday")));
        assertThat(hoursOf(department).alwaysOpen()).isTrue();

        fx(
                () -> {
                    desk.robot()
                            .lookup("#hours-day-tuesday")
                            .queryAs(javafx.scene.control.TextField.class)
                            .setText("08:00-16:00");
                    return null;
                });
        desk.robot().clickOn("#hours-save");
        eventually(
                () ->
                        "Jam layanan Layanan Papua (WIT) tersimpan."
                                .equals(desk.label("#hours-status")));
        assertThat(desk.label("#hours-problem-tuesday")).isNull();
        var kept = hoursOf(department);
        assertThat(kept.alwaysOpen()).isFalse();
        assertThat(kept.timeZone()).isEqualTo("Asia/Jayapura");
        assertThat(kept.schedule().get("tuesday"))
                .containsExactly(new id.oss.livechat.model.staff.OpeningShift("08:00", "16:00"));
        assertThat(kept.schedule().get("friday")).hasSize(2);
        assertThat(kept.schedule().get("saturday")).isEmpty();
        assertThat(kept.holidays())
                .containsExactly(
                        new id.oss.livechat.model.staff.Holiday("2026-12-25", "Hari Raya Natal"));
        eventually(
                () ->
                        desk.label("#hours-now") != null
                                && (desk.label("#hours-now").startsWith("Buka sekarang")
                                        || desk.label("#hours-now").startsWith("Tutup sekarang")));
        Screenshots.save(desk.stage(), "desktop-hours-editor.png");
    }

    private static id.oss.livechat.model.staff.DepartmentHours hoursOf(UUID department) {
        return admin.signedIn("admin", RealServer.PASSWORD)
                .http()
                .get(
                        "/api/departments/" + department + "/hours",
                        id.oss.livechat.model.staff.DepartmentHours.class);
    }

    private static UUID agentOf(UUID sessionId) {
        StaffSession session = admin.session(sessionId);
        return session.agent() == null ? null : session.agent().id();
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
                "Pemilik",
                "CV Sinar Abadi");
    }
}
