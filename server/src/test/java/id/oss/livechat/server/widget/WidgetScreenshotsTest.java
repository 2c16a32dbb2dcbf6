package id.oss.livechat.server.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.server.routing.SessionTimeouts;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.Visitor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Walks the widget through its states and photographs each, checking the state before each picture.
 * The pictures go to {@code target/screenshots}; {@code
 * -Dwidget.screenshots.dir=../docs/screenshots} refreshes the documented ones.
 *
 * <p>The conversation pictures use {@code visitor-socket-stub.js}, a stand-in for {@code
 * /ws/visitor} that speaks the documented frames inside the page, so the agent's name, words and
 * typing are the same in every picture; the real round trip is WidgetRealtimeBrowserTest's.
 * Everything else here is the real server. The desktop pictures share one Chromium.
 */
class WidgetScreenshotsTest extends ServerTest {
    private static final WidgetBrowser.Shared chromium = new WidgetBrowser.Shared();
    @Autowired SessionTimeouts timeouts;
    private PortalDepartment portal;

    @AfterAll
    static void closeChromium() {
        chromium.close();
    }

    @BeforeEach
    void nobodyOnDutyYet() {
        portal = new PortalDepartment(db, http).nobodyOnline();
    }

    @AfterEach
    void leaveTheDepartmentAsFound() {
        portal.reset();
    }

    @Test
    void thePortalTheFormTheQueueAndLeavingAMessage() {
        WidgetBrowser b = chromium.newVisitorOnThePortal(port);
        b.screenshot("widget-closed");

        b.openWidget();
        b.type("name", "Budi Santoso");
        b.type("email", "budi.santoso@");
        b.type("phone", "0812-34");
        b.click("form.form button[type=submit]");
        b.waitForFieldError("email");
        b.js(
                "document.querySelector('oss-livechat').shadowRoot.querySelector('.body')"
                        + ".scrollTop = 0");
        b.screenshot("widget-prechat-errors");

        // nobody of the default department is online: the widget asks for a message
        b.type("email", "budi.santoso@contoh.co.id");
        b.type("phone", "+62 812-3456-7890");
        b.click("#osslc-f-topic option:nth-child(2)");
        b.type("message", "Selamat siang, bagaimana cara memperbarui data KBLI pada NIB saya?");
        b.click("form.form button[type=submit]");
        b.waitFor(d -> b.present(".status-box.is-offline"));
        b.waitFor(d -> b.present(".msg-visitor"));
        assertThat(b.text(".status-box")).contains("Tidak ada petugas online");
        b.screenshot("widget-offline");

        // the same chat in a department whose one agent is busy: a place and a wait
        String sessionId =
                b.waitFor(
                        d ->
                                (String)
                                        b.js(
                                                "return JSON.parse(localStorage.getItem('osslc.current'))"));
        queueBehindABusyAgent(UUID.fromString(sessionId));
        b.reload();
        b.waitFor(d -> b.present(".status-box.is-waiting .queue-wait"));
        assertThat(b.text(".status-box .queue-position")).isEqualTo("Posisi antrean: 2");
        b.screenshot("widget-waiting");
    }

    @Test
    void aConversationItsEndAndThePhone() {
        // someone is on duty, so the form starts a chat without asking for a message
        portal.oneAgentOnlineAndBusy();
        WidgetBrowser b = chromium.newVisitor(port);
        // in this tab only: the next visitor's fresh tab has the real socket again
        b.driver.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument", Map.of("source", socketStub()));
        b.openPortal();
        converse(b);
        b.screenshot("widget-conversation");

        b.js("window.__visitorSocketStub.close()");
        b.waitFor(d -> b.present(".ended .rating"));
        b.click("label[for=osslc-star-4]");
        b.typeInto("#osslc-rating-comment", "Jawabannya jelas dan cepat. Terima kasih!");
        b.js(
                "const s = document.querySelector('oss-livechat').shadowRoot;"
                        + " s.querySelector('.ended').scrollIntoView({block: 'end'})");
        b.screenshot("widget-ended");
        try (WidgetBrowser phone = new WidgetBrowser(port, 360, 640, 2)) {
            phone.driver.executeCdpCommand(
                    "Page.addScriptToEvaluateOnNewDocument", Map.of("source", socketStub()));
            phone.openPortal();
            converse(phone);
            phone.screenshot("widget-phone");
        }
    }

    @Test
    void aMessageLeftAtNightAndTheMorningsReply() {
        WidgetBrowser b = chromium.newVisitorOnThePortal(port);
        b.startChat(
                "Budi Santoso",
                "budi.santoso@contoh.co.id",
                "Selamat malam, NIB saya belum terbit sejak kemarin. Mohon dibantu.");
        b.waitFor(d -> b.present(".msg-visitor .mark-sent"));
        String sessionId =
                (String) b.js("return JSON.parse(localStorage.getItem('osslc.current'))");
        b.closeThePortal();
        new Overnight(db, timeouts).passesFor(sessionId);

        DeskAgent agent = new DeskAgent(db, http, portal.id()).named("Ani Rahmawati").online();
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.serves(sessionId));
        agent.says(
                sessionId,
                "Selamat pagi, Bapak Budi. NIB Anda sudah terbit; silakan unduh di"
                        + " https://oss.go.id/nib (menu Perizinan Berusaha).");

        // the next morning, back on the portal in the same browser
        b.openPortal();
        b.waitFor(d -> b.present(".launcher .badge"));
        b.openWidget();
        b.waitFor(d -> b.present(".msg-agent .text a"));
        assertThat(b.text(".status-box")).isEqualTo("Anda terhubung dengan Ani Rahmawati.");
        b.screenshot("widget-left-message-answered");
    }

    @Test
    void theLoggedInPortalAndTheHistory() {
        String ossUserId = "OSS-" + UUID.randomUUID().toString().substring(0, 8);
        // an agent is on duty, serving someone else: the chat is started and waits
        portal.oneAgentOnlineAndBusy();
        WidgetBrowser b = chromium.newVisitorOnThePortal(port);
        b.startChat(
                "Siti Rahma",
                "siti.rahma@contoh.co.id",
                "Apakah NIB perlu diperbarui setelah pindah alamat?");
        b.waitFor(d -> b.present(".msg-visitor .mark-sent"));
        b.click("[data-action=close]");
        b.driver.findElement(By.id("login-open")).click();
        b.driver.findElement(By.id("login-user")).clear();
        b.driver.findElement(By.id("login-user")).sendKeys(ossUserId);
        b.driver.findElement(By.id("login-email")).clear();
        b.driver.findElement(By.id("login-email")).sendKeys("siti.rahma@contoh.co.id");
        b.driver.findElement(By.id("login-submit")).click();
        b.waitFor(d -> d.findElement(By.id("dashboard")).isDisplayed());
        b.screenshot("demo-portal");

        // an earlier, finished chat of the same account, from another device
        Visitor other = new Visitor(http);
        Visitor.Session earlier =
                other.start(
                        Map.of(
                                "oss_user_id",
                                ossUserId,
                                "identity_hash",
                                identityHash(ossUserId),
                                "topic",
                                "Perubahan data usaha"));
        db.sql(
                        "INSERT INTO chat_messages (session_id, seq, client_msg_id, sender_type,"
                                + " sender_name, body) VALUES (:s, 1, 'a-1', 'agent',"
                                + " 'Ani Rahmawati', 'Data usaha Anda sudah kami perbarui."
                                + " Terima kasih.')")
                .bind("s", UUID.fromString(earlier.id()))
                .then()
                .block();
        db.sql(
                        "UPDATE chat_sessions SET status = 'closed', ended_at = now(),"
                                + " last_seq = 1, started_at = now() - interval '3 days'"
                                + " WHERE id = :id")
                .bind("id", UUID.fromString(earlier.id()))
                .then()
                .block();
        b.openWidget();
        b.click("[data-action=history]");
        b.waitFor(d -> b.findAll(".history-item .history-last").size() == 2);
        b.screenshot("widget-history");
    }

    private static void converse(WidgetBrowser b) {
        // the first message goes through the composer once the stand-in socket is up: a message
        // given with the form could go by REST to the real server, which numbers messages on its
        // own, beside a stand-in that numbers them too (two counters for one chat, which no real
        // server has, and which made this picture flaky)
        b.startChat("Budi Santoso", "budi.santoso@contoh.co.id", null);
        b.waitFor(d -> Boolean.TRUE.equals(b.js("return window.__visitorSocketStub.resumed")));
        b.typeInComposer("Selamat siang, bagaimana cara memperbarui data KBLI pada NIB saya?");
        b.click(".composer .send");
        b.waitFor(d -> b.present(".msg-visitor .mark-sent"));
        b.js("window.__visitorSocketStub.assign('Ani Rahmawati')");
        b.waitFor(d -> b.present(".status-box.is-active"));
        b.js(
                "window.__visitorSocketStub.agentSays('Selamat siang, Bapak Budi. Silakan masuk ke"
                        + " oss.go.id, pilih menu Perizinan Berusaha → Perubahan, lalu perbarui"
                        + " KBLI pada data usaha Anda.')");
        b.waitFor(d -> b.present(".msg-agent"));
        b.typeInComposer("Apakah NIB saya perlu diterbitkan ulang?");
        b.click(".composer .send");
        b.waitFor(d -> b.findAll(".msg-visitor .mark-sent").size() == 2);
        b.js("window.__visitorSocketStub.read()");
        b.waitFor(d -> b.findAll(".msg-visitor .mark-read").size() == 2);
        b.js("window.__visitorSocketStub.typing(true)");
        b.waitFor(d -> b.find(".typing").isDisplayed());
        assertThat(b.text(".typing")).isEqualTo("Ani Rahmawati sedang mengetik…");
        assertThat(b.text(".status-box")).isEqualTo("Anda terhubung dengan Ani Rahmawati.");
    }

    /** A department with one online agent who is busy, and one visitor waiting ahead. */
    private void queueBehindABusyAgent(UUID sessionId) {
        String code = "shot-" + UUID.randomUUID().toString().substring(0, 8);
        UUID department =
                db.sql("INSERT INTO departments (code, name) VALUES (:c, 'Perizinan') RETURNING id")
                        .bind("c", code)
                        .map(row -> row.get(0, UUID.class))
                        .one()
                        .block();
        UUID agent =
                db.sql(
                                "INSERT INTO users (username, display_name, password_hash, role,"
                                        + " status, max_chats) VALUES (:u, 'Ani', 'x', 'agent',"
                                        + " 'online', 1) RETURNING id")
                        .bind("u", code)
                        .map(row -> row.get(0, UUID.class))
                        .one()
                        .block();
        db.sql("INSERT INTO user_departments (user_id, department_id) VALUES (:u, :d)")
                .bind("u", agent)
                .bind("d", department)
                .then()
                .block();
        Visitor.Session busy = new Visitor(http).start("Sedang dilayani");
        Visitor.Session ahead = new Visitor(http).start("Menunggu lebih dulu");
        db.sql(
                        "UPDATE chat_sessions SET department_id = :d, status = 'active',"
                                + " agent_id = :a, assigned_at = now() WHERE id = :id")
                .bind("d", department)
                .bind("a", agent)
                .bind("id", UUID.fromString(busy.id()))
                .then()
                .block();
        db.sql(
                        "UPDATE chat_sessions SET department_id = :d, queued_at = now() - interval"
                                + " '1 minute' WHERE id = :id")
                .bind("d", department)
                .bind("id", UUID.fromString(ahead.id()))
                .then()
                .block();
        db.sql("UPDATE chat_sessions SET department_id = :d WHERE id = :id")
                .bind("d", department)
                .bind("id", sessionId)
                .then()
                .block();
    }

    private static String socketStub() {
        try (InputStream in =
                WidgetScreenshotsTest.class.getResourceAsStream("/widget/visitor-socket-stub.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
