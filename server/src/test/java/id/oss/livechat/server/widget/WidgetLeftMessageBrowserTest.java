package id.oss.livechat.server.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.server.routing.SessionTimeouts;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.TestMail;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A citizen leaves a message in the evening with nobody online and goes; an agent answers the next
 * morning; the citizen comes back to the portal in the same browser. The clock is the database's:
 * "the next morning" is the visitor's last sign of life moved back, and the queue's housekeeping
 * run once, as its timer would.
 */
class WidgetLeftMessageBrowserTest extends ServerTest {
    private static final WidgetBrowser.Shared chromium = new WidgetBrowser.Shared();
    private static final String QUESTION = "Selamat malam, NIB saya belum terbit sejak kemarin.";
    private static final String REPLY = "Selamat pagi, NIB Anda sudah terbit; silakan unduh.";

    @Autowired SessionTimeouts timeouts;
    private final TestMail smtp = TestMail.get();
    private PortalDepartment portal;

    @AfterAll
    static void closeChromium() {
        chromium.close();
    }

    @BeforeEach
    void nobodyOnDuty() {
        portal = new PortalDepartment(db, http).nobodyOnline();
    }

    @AfterEach
    void leaveTheDepartmentAsFound() {
        portal.reset();
    }

    private static String address() {
        return "warga-" + UUID.randomUUID().toString().substring(0, 8) + "@contoh.co.id";
    }

    /** Leaves a message as the widget asks, then closes the portal. */
    private String leaveAMessageAndGo(WidgetBrowser b, String email) {
        b.openWidget();
        assertThat(b.text(".form .offline"))
                .as("the form says what happens to the message")
                .contains("pesan Anda disimpan sampai petugas kembali")
                .contains("dikirim ke e-mail Anda");
        b.startChat("Budi Santoso", email, QUESTION);
        b.waitFor(d -> b.present(".msg-visitor .mark-sent"));
        assertThat(b.text(".status-box.is-offline"))
                .contains("Pesan Anda tersimpan dan menunggu petugas")
                .contains(email);
        String sessionId =
                (String) b.js("return JSON.parse(localStorage.getItem('osslc.current'))");
        b.closeThePortal();
        return sessionId;
    }

    private void theNightPasses(String sessionId) {
        new Overnight(db, timeouts).passesFor(sessionId);
    }

    private long mailsTo(String address, String subjectStart) {
        return smtp.to(address).stream()
                .filter(
                        m -> {
                            try {
                                return m.getSubject().startsWith(subjectStart);
                            } catch (MessagingException e) {
                                return false;
                            }
                        })
                .count();
    }

    @Test
    void aMessageLeftAtNightIsAnsweredInTheMorningAndTheAnswerIsThereOnReturn() {
        WidgetBrowser b = chromium.newVisitorOnThePortal(port);
        String email = address();
        String sessionId = leaveAMessageAndGo(b, email);

        theNightPasses(sessionId);
        assertThat(
                        db.sql(
                                        "SELECT status || ':' || (left_message_at IS NOT NULL)"
                                                + " FROM chat_sessions WHERE id = :id")
                                .bind("id", UUID.fromString(sessionId))
                                .map(row -> row.get(0, String.class))
                                .one()
                                .block())
                .as("still waiting for an agent, marked as a left message")
                .isEqualTo("waiting:true");

        DeskAgent agent = new DeskAgent(db, http, portal.id()).online();
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.serves(sessionId));
        agent.says(sessionId, REPLY);
        // the visitor is away: the reply goes by mail as well
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(email, "Balasan baru dari Layanan OSS") == 1);

        // back on the portal in the same browser, a new tab: the chat button says there is news
        b.openPortal();
        b.waitFor(d -> b.present(".launcher .badge"));
        assertThat(b.text(".launcher .badge")).isEqualTo("1");
        b.openWidget();
        b.waitFor(d -> b.findAll(".msg-agent").size() == 1);
        assertThat(b.text(".msg-agent .text")).isEqualTo(REPLY);
        assertThat(b.text(".status-box.is-active")).contains(agent.name());
        assertThat(b.text(".log")).contains(QUESTION);
    }

    @Test
    void aReplyGivenAndClosedWhileTheVisitorWasAwayIsShownOnReturnWithOneTranscript() {
        WidgetBrowser b = chromium.newVisitorOnThePortal(port);
        String email = address();
        String sessionId = leaveAMessageAndGo(b, email);
        theNightPasses(sessionId);

        DeskAgent agent = new DeskAgent(db, http, portal.id()).online();
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.serves(sessionId));
        agent.says(sessionId, REPLY);
        agent.closes(sessionId);
        // closing mails the transcript to the contact address
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(email, "Transkrip percakapan Anda") == 1);

        b.openPortal();
        b.openWidget();
        b.waitFor(d -> b.present(".ended"));
        b.waitFor(d -> b.findAll(".msg-agent").size() == 1);
        assertThat(b.text(".msg-agent .text")).isEqualTo(REPLY);
        assertThat(b.text(".status-box")).isEqualTo("Percakapan telah selesai.");

        // "Kirim transkrip" to the contact address: it was mailed on close, not a second time
        assertThat(b.find("#osslc-transcript-email").getDomProperty("value")).isEqualTo(email);
        b.click(".transcript button[type=submit]");
        b.waitFor(d -> b.present(".ended .done[role=status]"));
        assertThat(b.text(".ended .done"))
                .isEqualTo("Transkrip percakapan ini sudah dikirim ke " + email + ".");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> mailsTo(email, "Transkrip percakapan Anda") == 1);
    }
}
