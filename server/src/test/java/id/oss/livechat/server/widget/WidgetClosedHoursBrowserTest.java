package id.oss.livechat.server.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.server.routing.Router;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Christmas morning 2037 (a Friday) on the demo portal, in real Chromium: the licensing desk keeps
 * office hours and the holiday, so the widget says it is closed and when it opens, in WIB, and asks
 * for a message; nothing is assigned though an agent is online; on Monday at 08:00 the desk opens,
 * the agent gets the chat with the message, and the widget shows the agent. The server's clock is
 * the test's ({@link SettableClock}).
 */
class WidgetClosedHoursBrowserTest extends ServerTest {
    private static final WidgetBrowser.Shared chromium = new WidgetBrowser.Shared();
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String QUESTION =
            "Selamat pagi, permohonan PB UMKU saya ditolak. Apa yang harus saya lengkapi?";

    @Autowired SettableClock clock;
    @Autowired Router router;
    private PortalDepartment portal;
    private String admin;

    @AfterAll
    static void closeChromium() {
        chromium.close();
    }

    private static Instant wib(String local) {
        return LocalDateTime.parse(local).atZone(WIB).toInstant();
    }

    private void hours(Map<String, Object> body) {
        http.put()
                .uri("/api/departments/{id}/hours", portal.id())
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(admin))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    @BeforeEach
    void officeHoursWithChristmas() {
        portal = new PortalDepartment(db, http).nobodyOnline();
        admin = demoToken("admin");
        Map<String, Object> day = Map.of("opens", "08:00", "closes", "16:00");
        hours(
                Map.of(
                        "time_zone", "Asia/Jakarta",
                        "schedule",
                                Map.of(
                                        "monday", List.of(day),
                                        "tuesday", List.of(day),
                                        "wednesday", List.of(day),
                                        "thursday", List.of(day),
                                        "friday", List.of(day)),
                        "holidays",
                                List.of(Map.of("date", "2037-12-25", "name", "Hari Raya Natal"))));
    }

    @AfterEach
    void alwaysOpenAgain() {
        clock.reset();
        hours(Map.of("always_open", true));
        portal.reset();
    }

    private String statusOf(String sessionId) {
        return db.sql("SELECT status FROM chat_sessions WHERE id = :id")
                .bind("id", UUID.fromString(sessionId))
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    @Test
    void onAHolidayTheWidgetSaysWhenTheDeskOpensTakesAMessageAndTheAgentGetsItOnMonday() {
        clock.set(wib("2037-12-25T10:00:00"));
        DeskAgent agent = new DeskAgent(db, http, portal.id()).named("Rina Wulandari").online();

        WidgetBrowser b = chromium.newVisitorOnThePortal(port);
        b.openWidget();
        b.waitFor(d -> b.present(".form .closed-hours"));
        assertThat(b.text(".form .closed-hours"))
                .contains("Di luar jam layanan")
                .contains("Layanan Perizinan Berusaha sedang tutup. Buka kembali Senin 08.00 WIB.")
                .contains("diteruskan ke petugas saat layanan buka");
        assertThat(b.text("form.form button[type=submit]")).isEqualTo("Kirim pesan");
        assertThat(b.text("#osslc-f-department option:checked"))
                .isEqualTo("Perizinan Berusaha (tutup)");
        b.screenshot("widget-closed-hours");

        // in English, on the same desk's clock
        b.click(".lang-button");
        b.waitFor(d -> b.text(".form .closed-hours").contains("Opens again Monday 08:00 WIB."));
        b.click(".lang-button");
        b.waitFor(d -> b.text(".form .closed-hours").contains("Buka kembali Senin 08.00 WIB."));

        // the message is required: the form leaves a message
        b.startChat("Siti Rahmawati", "siti@majubersama.co.id", QUESTION);
        b.waitFor(d -> b.present(".msg-visitor .mark-sent"));
        b.waitFor(d -> b.text(".status-box").contains("Buka kembali Senin 08.00 WIB."));
        assertThat(b.text(".status-box"))
                .contains("Di luar jam layanan")
                .contains("Pesan Anda tersimpan dan menunggu petugas");
        b.screenshot("widget-closed-hours-message-left");
        String sessionId =
                (String) b.js("return JSON.parse(localStorage.getItem('osslc.current'))");

        // an agent is online, yet routing hands out nothing while the desk is closed
        router.routeAll().block(Duration.ofSeconds(30));
        assertThat(statusOf(sessionId)).isEqualTo("waiting");
        assertThat(agent.serves(sessionId)).isFalse();

        // Monday 08:00 WIB: the desk opens, the routing sweep hands the chat to the agent
        clock.set(wib("2037-12-28T08:00:30"));
        await().atMost(Duration.ofSeconds(40)).until(() -> agent.serves(sessionId));
        assertThat(agent.reads(sessionId)).contains(QUESTION);
        b.waitFor(d -> b.present(".status-box.is-active"));
        assertThat(b.text(".status-box")).isEqualTo("Anda terhubung dengan Rina Wulandari.");
    }
}
