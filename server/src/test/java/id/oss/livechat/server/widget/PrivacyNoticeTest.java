package id.oss.livechat.server.widget;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ServerTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With a privacy notice configured, the widget shows it before the contact form with the portal's
 * policy, a chat starts only when the visitor agrees, and the agreement's time and notice version
 * are stored with the contact. Without the visitor's consent the API answers 400 naming the field.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "OSS_IDENTITY_SECRET=" + ServerTest.IDENTITY_SECRET,
            "LIVECHAT_DEMO=true",
            "DEMO_PASSWORD=" + ServerTest.DEMO_PASSWORD,
            "MAIL_POLL_INTERVAL=200ms",
            "MAIL_RETRY_BACKOFF=1s",
            "METRICS_REFRESH=300ms",
            "FROM_EMAIL=layanan@oss.example.id",
            // as ServerTest: every test visitor comes from 127.0.0.1, and the shared database holds
            // the waiting chats of the whole suite
            "RATE_LIMIT_REQUESTS_PER_MINUTE=1000000",
            "RATE_LIMIT_STARTS_BURST=1000000",
            "RATE_LIMIT_STARTS_PER_HOUR=1000000",
            "RATE_LIMIT_LOGINS_PER_MINUTE=1000000",
            "RATE_LIMIT_SOCKET_OPENS_PER_MINUTE=1000000",
            "MAX_WAITING_PER_ADDRESS=1000000",
            "MAX_WAITING_PER_DEPARTMENT=1000000",
            "MAX_VISITOR_SOCKETS_PER_ADDRESS=1000000",
            "MAX_STAFF_SOCKETS_PER_ADDRESS=1000000",
            "PRESENCE_GRACE=30m",
            "PRIVACY_NOTICE_ID=" + PrivacyNoticeTest.NOTICE_ID,
            "PRIVACY_NOTICE_EN=" + PrivacyNoticeTest.NOTICE_EN,
            "PRIVACY_POLICY_URL=https://oss.go.id/kebijakan-privasi",
            "PRIVACY_NOTICE_VERSION=2026-12"
        })
class PrivacyNoticeTest extends ServerTest {
    static final String NOTICE_ID =
            "Data Anda dipakai hanya untuk menjawab pertanyaan ini dan disimpan dua tahun.";
    static final String NOTICE_EN =
            "Your data is used only to answer this question and kept for two years.";
    private static final WidgetBrowser.Shared chromium = new WidgetBrowser.Shared();

    @AfterAll
    static void closeChromium() {
        chromium.close();
    }

    @Test
    void theApiShowsTheNoticeAndRefusesAStartOrContactWithoutConsent() {
        http.get()
                .uri("/api/oss-chat/departments")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.privacy_notice.version")
                .isEqualTo("2026-12")
                .jsonPath("$.privacy_notice.text.id")
                .isEqualTo(NOTICE_ID)
                .jsonPath("$.privacy_notice.text.en")
                .isEqualTo(NOTICE_EN)
                .jsonPath("$.privacy_notice.policy_url")
                .isEqualTo("https://oss.go.id/kebijakan-privasi");

        long sessions = count("SELECT count(*) FROM chat_sessions");
        start(null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.privacy_consent")
                .exists();
        start("2025-01")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.privacy_consent")
                .exists();
        assertThat(count("SELECT count(*) FROM chat_sessions")).isEqualTo(sessions);

        Map<?, ?> started =
                start("2026-12")
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        String sessionId = (String) started.get("session_id");
        String token = (String) started.get("visitor_token");
        // the agreement is kept from the start, before any contact form
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_sessions WHERE id = '"
                                        + sessionId
                                        + "' AND consent_at = started_at AND consent_notice = '2026-12'"))
                .isEqualTo(1);
        Map<String, Object> contact = new HashMap<>();
        contact.put("session_id", sessionId);
        contact.put("contact_name", "Rina");
        contact.put("contact_email", "rina@contoh.co.id");
        contact(token, contact)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.privacy_consent")
                .exists();
        contact.put("privacy_consent", "2026-12");
        contact(token, contact).expectStatus().isOk();
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_session_contacts WHERE session_id = '"
                                        + sessionId
                                        + "' AND consent_at IS NOT NULL AND consent_notice = '2026-12'"))
                .isEqualTo(1);
    }

    @Test
    void theWidgetShowsTheNoticeAndStartsOnlyOnceTheVisitorAgrees() {
        WidgetBrowser b = chromium.newVisitorOnThePortal(port);
        b.openWidget();
        b.waitFor(d -> b.present(".privacy-notice"));
        assertThat(b.text(".privacy-notice")).contains(NOTICE_ID).contains("Pemberitahuan privasi");
        assertThat(b.find(".privacy-notice a").getDomAttribute("href"))
                .isEqualTo("https://oss.go.id/kebijakan-privasi");
        b.screenshot("widget-privacy-notice");

        String email = "setuju-" + UUID.randomUUID().toString().substring(0, 8) + "@contoh.co.id";
        b.type("name", "Rina Setiawati");
        b.type("email", email);
        b.click("#osslc-f-topic option:nth-child(2)");
        // nobody is on duty in this server: the visitor leaves a message
        b.type("message", "Bagaimana cara mendaftar NIB?");
        b.click("form.form button[type=submit]");
        assertThat(b.waitForFieldError("consent"))
                .isEqualTo("Setujui pemberitahuan privasi untuk memulai percakapan.");
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_session_contacts WHERE contact_email = '"
                                        + email
                                        + "'"))
                .isZero();

        b.click("#osslc-f-consent");
        b.click("form.form button[type=submit]");
        b.waitFor(d -> b.present(".status-box"));
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_session_contacts WHERE contact_email = '"
                                        + email
                                        + "' AND consent_at IS NOT NULL AND consent_notice = '2026-12'"))
                .isEqualTo(1);
    }

    private WebTestClient.ResponseSpec start(String consent) {
        Map<String, Object> body = new HashMap<>();
        body.put("browser_uuid", UUID.randomUUID().toString());
        body.put("topic_code", "nib");
        if (consent != null) {
            body.put("privacy_consent", consent);
        }
        return http.post()
                .uri("/api/oss-chat/start")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec contact(String token, Map<String, Object> body) {
        return http.post()
                .uri("/api/oss-chat/contact")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
