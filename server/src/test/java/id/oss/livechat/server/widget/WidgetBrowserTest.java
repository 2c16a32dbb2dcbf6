package id.oss.livechat.server.widget;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ServerTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;

/** The widget on the demo portal in real headless Chromium, against the real server. */
class WidgetBrowserTest extends ServerTest {
    private static final WidgetBrowser.Shared chromium = new WidgetBrowser.Shared();
    private WidgetBrowser browser;
    private PortalDepartment portal;

    /** A new visitor on the demo portal (in the class's one Chromium). */
    private WidgetBrowser browser() {
        browser = chromium.newVisitorOnThePortal(port);
        return browser;
    }

    @AfterAll
    static void closeChromium() {
        chromium.close();
    }

    /** An agent is on duty but busy: the form offers to start a chat, which then waits. */
    @BeforeEach
    void staffThePortalsDepartment() {
        portal = new PortalDepartment(db, http).oneAgentOnlineAndBusy();
    }

    @AfterEach
    void closeBrowser() {
        try {
            if (browser != null && !chromium.owns(browser)) {
                browser.close();
            }
        } finally {
            portal.reset();
        }
    }

    @Test
    void theDemoPortalShowsTheWidgetAndTheKeyboardOpensAndClosesIt() {
        WidgetBrowser b = browser();
        assertThat(b.driver.getTitle()).contains("OSS");
        assertThat(b.driver.findElement(By.tagName("h1")).getText())
                .isEqualTo("Urus izin usaha Anda dalam satu pintu");
        assertThat(b.launcher().getText()).isEqualTo("Chat Bantuan");
        assertThat(b.launcher().getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(b.panel().isDisplayed()).isFalse();

        b.js(
                "document.querySelector('oss-livechat').shadowRoot.querySelector('.launcher').focus()");
        b.waitFor(d -> b.focusedId() != null && b.focusedId().contains("launcher"));
        b.press(Keys.ENTER);
        b.waitFor(d -> b.panel().isDisplayed());
        assertThat(b.panel().getAttribute("role")).isEqualTo("dialog");
        assertThat(b.launcher().getAttribute("aria-expanded")).isEqualTo("true");
        // focus moves into the panel, to the first field
        b.waitFor(d -> "osslc-f-name".equals(b.focusedId()));

        b.press(Keys.ESCAPE);
        b.waitFor(d -> !b.panel().isDisplayed());
        // and back to the button that opened it
        assertThat(b.focusedId()).contains("launcher");
    }

    @Test
    void theWidgetAddsOneGlobalNameAndThePagesCssDoesNotReachIt() {
        WidgetBrowser b = browser();
        @SuppressWarnings("unchecked")
        List<String> leaked =
                (List<String>)
                        b.js(
                                "const f = document.createElement('iframe'); document.body.appendChild(f);"
                                        + " const known = new Set(Object.getOwnPropertyNames(f.contentWindow));"
                                        + " f.remove();"
                                        // what chromedriver itself leaves on the page is not ours
                                        + " const driver = /^(se_|ret_nodes$|cdc_|\\$cdc_)/;"
                                        + " return Object.getOwnPropertyNames(window)"
                                        + ".filter(k => !known.has(k) && !driver.test(k));");
        assertThat(leaked).containsExactly("OSSLiveChat");

        // a hostile page rule for every button and div does not touch the widget
        b.js(
                "const s = document.createElement('style');"
                        + " s.textContent = 'button, div, section { display: none !important;"
                        + " color: red !important; }';"
                        + " document.head.appendChild(s);");
        assertThat(b.launcher().isDisplayed()).isTrue();
        b.openWidget();
        assertThat(b.find(".header").isDisplayed()).isTrue();
    }

    @Test
    void thePreChatFormExplainsEachInvalidFieldBeforeAnythingIsSent() {
        WidgetBrowser b = browser();
        b.openWidget();
        b.click("form.form button[type=submit]");

        assertThat(b.waitForFieldError("name")).isEqualTo("Nama wajib diisi.");
        assertThat(b.fieldError("email")).isEqualTo("E-mail wajib diisi.");
        assertThat(b.fieldError("topic")).isEqualTo("Pilih topik pertanyaan Anda.");
        assertThat(b.fieldError("phone")).isNull();
        assertThat(b.attribute("#osslc-f-name", "aria-invalid")).isEqualTo("true");
        assertThat(b.attribute("#osslc-f-name", "aria-describedby")).contains("osslc-err-name");
        assertThat(b.text(".alert[role=alert]")).isEqualTo("Periksa kembali isian yang ditandai.");
        // the first invalid field gets the focus
        assertThat(b.focusedId()).isEqualTo("osslc-f-name");

        b.type("name", "Budi");
        b.type("email", "budi@contoh");
        b.type("phone", "12-34");
        b.click("form.form button[type=submit]");
        b.waitFor(d -> b.fieldError("name") == null);
        assertThat(b.fieldError("email")).startsWith("Format e-mail tidak valid");
        assertThat(b.fieldError("phone")).startsWith("Nomor telepon harus 7–15 angka");

        b.type("phone", "+62 (21) 555.0123");
        b.type("email", "budi@contoh.co.id");
        b.click("form.form button[type=submit]");
        b.waitFor(d -> b.fieldError("email") == null);
        assertThat(b.fieldError("phone")).isNull();
        assertThat(b.fieldError("topic")).isNotNull();

        assertThat(
                        count(
                                "SELECT count(*) FROM chat_users WHERE browser_uuid = '"
                                        + b.browserId()
                                        + "'"))
                .as("nothing reached the server")
                .isZero();
    }

    @Test
    void theServersFieldErrorsAreShownNextToTheirFieldsAndTheSameSessionIsCompleted() {
        WidgetBrowser b = browser();
        b.openWidget();
        b.type("name", "Siti Aminah");
        b.type("email", "siti@contoh.co.id");
        b.click("#osslc-f-topic option:nth-child(3)");
        // past the input's maxlength, as a script or an old browser could: the server refuses it
        b.js(
                "const i = document.querySelector('oss-livechat').shadowRoot"
                        + ".getElementById('osslc-f-company'); i.value = 'P'.repeat(300);");
        b.click("form.form button[type=submit]");

        assertThat(b.waitForFieldError("company")).isEqualTo("Maksimal 255 karakter.");
        assertThat(b.attribute("#osslc-f-company", "aria-invalid")).isEqualTo("true");
        assertThat(b.fieldError("name")).isNull();

        b.type("company", "PT Maju Bersama");
        b.click("form.form button[type=submit]");
        b.waitFor(d -> b.present(".status-box"));

        String browserId = b.browserId();
        assertThat(sessionsOf(browserId))
                .as("the retry completed the session it had started")
                .hasSize(1);
        assertThat(
                        db.sql(
                                        "SELECT c.company_name FROM chat_session_contacts c"
                                                + " JOIN chat_sessions s ON s.id = c.session_id"
                                                + " JOIN chat_users u ON u.id = s.chat_user_id"
                                                + " WHERE u.browser_uuid = :b")
                                .bind("b", UUID.fromString(browserId))
                                .map(row -> row.get(0, String.class))
                                .one()
                                .block())
                .isEqualTo("PT Maju Bersama");
    }

    @Test
    void anAnonymousVisitorStartsAChatWaitsInTheQueueAndFindsItAgainAfterAReload() {
        WidgetBrowser b = browser();
        b.startChat("John Doe", "john@company.com", "Bagaimana cara mengurus NIB?");

        String browserId = b.browserId();
        List<Map<String, Object>> sessions = sessionsOf(browserId);
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0))
                .containsEntry("status", "waiting")
                .containsEntry("topic", "Pendaftaran NIB");
        String sessionId = sessions.get(0).get("id").toString();
        Map<String, Object> contact =
                db.sql(
                                "SELECT contact_name, contact_email, contact_phone, position, company_name"
                                        + " FROM chat_session_contacts WHERE session_id = :s")
                        .bind("s", UUID.fromString(sessionId))
                        .fetch()
                        .one()
                        .block();
        assertThat(contact)
                .containsEntry("contact_name", "John Doe")
                .containsEntry("contact_email", "john@company.com")
                .containsEntry("contact_phone", "+62 812-3456-7890")
                .containsEntry("position", "Direktur")
                .containsEntry("company_name", "PT Contoh Sejahtera");

        String position = b.waitFor(d -> b.attribute(".status-box", "data-queue-position"));
        assertThat(Integer.parseInt(position)).isPositive();
        assertThat(b.text(".status-box .queue-position")).isEqualTo("Posisi antrean: " + position);
        assertThat(b.text(".log")).contains("Bagaimana cara mengurus NIB?");
        assertThat(b.focusedId()).isEqualTo("osslc-composer");

        b.reload();
        b.openWidget();
        b.waitFor(d -> b.present(".status-box[data-queue-position]"));
        assertThat(b.present("form.form")).isFalse();
        assertThat(b.findAll(".log .msg-visitor")).hasSize(1);
        assertThat(b.text(".log")).contains("Bagaimana cara mengurus NIB?");
        assertThat(b.browserId()).isEqualTo(browserId);

        // a new tab of the same browser continues the same conversation
        b.driver.switchTo().newWindow(WindowType.TAB);
        b.openPortal();
        b.openWidget();
        b.waitFor(d -> b.present(".status-box[data-queue-position]"));
        assertThat(b.text(".log")).contains("Bagaimana cara mengurus NIB?");
        assertThat(sessionsOf(browserId)).hasSize(1);
    }

    @Test
    void theSimulatedLoginLinksTheVisitorAndTheHistoryShowsTheEarlierChat() {
        WidgetBrowser b = browser();
        b.startChat("Rina Wati", "rina@contoh.co.id", null);
        String browserId = b.browserId();
        String sessionId = sessionsOf(browserId).get(0).get("id").toString();
        b.click("[data-action=close]");

        String ossUserId = "OSS-" + UUID.randomUUID();
        b.driver.findElement(By.id("login-open")).click();
        b.driver.findElement(By.id("login-user")).clear();
        b.driver.findElement(By.id("login-user")).sendKeys(ossUserId);
        b.driver.findElement(By.id("login-email")).clear();
        b.driver.findElement(By.id("login-email")).sendKeys("rina@contoh.co.id");
        b.driver.findElement(By.id("login-submit")).click();
        b.waitFor(d -> d.findElement(By.id("user-name")).isDisplayed());
        assertThat(b.driver.findElement(By.id("user-name")).getText())
                .isEqualTo("Halo, rina@contoh.co.id");

        // the server linked the browser: the chat now belongs to the OSS account
        assertThat(
                        db.sql(
                                        "SELECT u.oss_user_id FROM chat_sessions s"
                                                + " JOIN chat_users u ON u.id = s.chat_user_id WHERE s.id = :s")
                                .bind("s", UUID.fromString(sessionId))
                                .map(row -> row.get(0, String.class))
                                .one()
                                .block())
                .isEqualTo(ossUserId);

        b.openWidget();
        b.click("[data-action=history]");
        b.waitFor(d -> b.present(".history-item[data-session='" + sessionId + "']"));
        String item = b.text(".history-item[data-session='" + sessionId + "']");
        assertThat(item)
                .contains("Pendaftaran NIB")
                .contains("Menunggu")
                .contains("Percakapan saat ini");

        // the current conversation opens from the history
        b.click(".history-item[data-session='" + sessionId + "']");
        b.waitFor(d -> b.present(".status-box"));
    }

    @Test
    void aPastConversationOpensReadOnlyAndAgentTextIsNeverHtml() {
        WidgetBrowser b = browser();
        b.startChat("Dewi", "dewi@contoh.co.id", null);
        String browserId = b.browserId();
        UUID first = UUID.fromString(sessionsOf(browserId).get(0).get("id").toString());
        // the agent's reply and the end of the chat, as the server stores them
        db.sql(
                        "INSERT INTO chat_messages (session_id, seq, client_msg_id, sender_type, sender_name, body)"
                                + " VALUES (:s, 1, 'a-1', 'agent', 'Petugas <b>Ani</b>', :body)")
                .bind("s", first)
                .bind("body", "<img src=x onerror=alert(1)><script>window.__pwned=1</script>")
                .then()
                .block();
        db.sql(
                        "UPDATE chat_sessions SET last_seq = 1, status = 'closed', ended_at = now()"
                                + " WHERE id = :s")
                .bind("s", first)
                .then()
                .block();

        b.reload();
        b.openWidget();
        // the widget learns that the chat ended (REST fallback while there is no socket)
        b.waitFor(d -> b.present(".ended"));
        assertThat(b.text(".status-box")).isEqualTo("Percakapan telah selesai.");
        assertThat(b.present(".rating")).isTrue();
        assertThat(b.present(".transcript")).isTrue();
        assertThat(b.present("#osslc-composer")).isFalse();

        b.click("[data-action=new-chat]");
        b.waitFor(d -> b.present("form.form"));
        b.click("[data-action=history]");
        b.waitFor(d -> b.present(".history-item[data-session='" + first + "']"));
        String preview = b.text(".history-item[data-session='" + first + "'] .history-last");
        assertThat(preview)
                .isEqualTo(
                        "Petugas <b>Ani</b>: <img src=x onerror=alert(1)><script>window.__pwned=1</script>");
        assertThat(b.findAll(".history img, .history script, .history b")).isEmpty();

        b.click(".history-item[data-session='" + first + "']");
        b.waitFor(d -> b.present(".transcript-view"));
        assertThat(b.text(".transcript-view .view-title")).isEqualTo("Pendaftaran NIB");
        // no message page endpoint yet or the page itself: either way the text stays text
        assertThat(b.text(".transcript-view")).contains("<img src=x onerror=alert(1)>");
        assertThat(b.findAll(".transcript-view img, .transcript-view script")).isEmpty();
        assertThat(b.js("return window.__pwned === undefined")).isEqualTo(true);
    }

    @Test
    void thePhoneSizedPanelFillsTheScreenAndStillStartsAChat() {
        browser = new WidgetBrowser(port, 360, 640, 2);
        WidgetBrowser b = browser.openPortal();
        b.openWidget();
        assertThat(b.panel().getRect().getWidth()).isEqualTo(360);
        assertThat(b.panel().getRect().getHeight()).isEqualTo(640);
        assertThat(b.launcher().isDisplayed())
                .as("the panel's own close button replaces it")
                .isFalse();

        b.startChat("Andi", "andi@contoh.co.id", "Halo dari ponsel");
        var composer = b.find("#osslc-composer").getRect();
        assertThat(composer.getY() + composer.getHeight()).isLessThanOrEqualTo(640);
        assertThat(composer.getX() + composer.getWidth()).isLessThanOrEqualTo(360);
        b.click("[data-action=close]");
        b.waitFor(d -> b.launcher().isDisplayed());
    }

    @Test
    void theVisitorSwitchesBetweenIndonesianAndEnglish() {
        WidgetBrowser b = browser();
        b.openWidget();
        assertThat(b.text("#osslc-title")).isEqualTo("Bantuan OSS");
        assertThat(b.text("label[for=osslc-f-name]")).startsWith("Nama lengkap");

        b.click("[data-action=language]");
        b.waitFor(d -> "OSS Help".equals(b.text("#osslc-title")));
        assertThat(b.text("label[for=osslc-f-name]")).startsWith("Full name");
        assertThat(b.text("form.form button[type=submit]")).isEqualTo("Start chat");
        assertThat(b.attribute(".root", "lang")).isEqualTo("en");
        // the keyboard user stays on the language button
        assertThat(b.focusedId()).contains("lang-button");

        // the portal's own switch drives the widget too, and the choice survives a reload
        b.driver.findElement(By.cssSelector(".lang-switch [data-lang=id]")).click();
        b.waitFor(d -> "Bantuan OSS".equals(b.text("#osslc-title")));
        b.driver.findElement(By.cssSelector(".lang-switch [data-lang=en]")).click();
        b.waitFor(d -> "OSS Help".equals(b.text("#osslc-title")));
        assertThat(b.driver.findElement(By.tagName("h1")).getText())
                .isEqualTo("Get your business licensed through one door");

        b.reload();
        // the panel was open in this tab: it opens again, still in English
        b.waitFor(d -> b.panel().isDisplayed());
        assertThat(b.text("#osslc-title")).isEqualTo("OSS Help");
        assertThat(b.launcher().getAttribute("aria-label")).isEqualTo("Close the OSS help chat");
        b.click("form.form button[type=submit]");
        assertThat(b.waitForFieldError("name")).isEqualTo("Enter your name.");
    }

    private List<Map<String, Object>> sessionsOf(String browserId) {
        return db.sql(
                        "SELECT s.id, s.status, s.topic FROM chat_sessions s"
                                + " JOIN chat_users u ON u.id = s.chat_user_id"
                                + " WHERE u.browser_uuid = :b ORDER BY s.started_at")
                .bind("b", UUID.fromString(browserId))
                .fetch()
                .all()
                .collectList()
                .block();
    }
}
