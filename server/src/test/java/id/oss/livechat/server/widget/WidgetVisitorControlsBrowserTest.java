package id.oss.livechat.server.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.server.session.Topics;
import id.oss.livechat.server.support.ServerTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * What the visitor does in a chat besides writing: follows links an agent sends, ends the chat or
 * leaves the queue, and picks a topic that everyone reads in their own language.
 */
class WidgetVisitorControlsBrowserTest extends ServerTest {
    private static final WidgetBrowser.Shared chromium = new WidgetBrowser.Shared();
    private PortalDepartment portal;

    @AfterAll
    static void closeChromium() {
        chromium.close();
    }

    /** Someone is on duty, busy: a new chat waits in the queue with a place. */
    @BeforeEach
    void anAgentOnDutyButBusy() {
        portal = new PortalDepartment(db, http).oneAgentOnlineAndBusy();
    }

    @AfterEach
    void leaveTheDepartmentAsFound() {
        portal.reset();
    }

    private static String currentSession(WidgetBrowser b) {
        return b.waitFor(
                d -> (String) b.js("return JSON.parse(localStorage.getItem('osslc.current'))"));
    }

    private Map<String, Object> stored(String sessionId) {
        return db.sql(
                        "SELECT status, close_reason, topic, topic_code, language FROM chat_sessions"
                                + " WHERE id = :id")
                .bind("id", UUID.fromString(sessionId))
                .fetch()
                .one()
                .block();
    }

    private static String action(WebElement element) {
        return element.getDomAttribute("data-action");
    }

    @Test
    void httpLinksInMessagesOpenSafelyInANewTabAndEverythingElseStaysText() {
        WidgetBrowser b = chromium.newVisitorOnThePortal(port);
        b.startChat("Dewi Lestari", "dewi@contoh.co.id", null);
        String sessionId = currentSession(b);
        DeskAgent agent = new DeskAgent(db, http, portal.id()).online();
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.serves(sessionId));

        String reply =
                "Panduan: https://oss.go.id/panduan?langkah=2&x=1. Jangan buka javascript:alert(1),"
                        + " ftp://files.example/x atau data:text/html,<b>hai</b>; FAQ"
                        + " (https://oss.go.id/faq).";
        agent.says(sessionId, reply);
        b.waitFor(d -> b.present(".msg-agent .text"));

        assertThat(b.text(".msg-agent .text")).as("the words are the agent's").isEqualTo(reply);
        // read in one go, found again if the log re-renders meanwhile (a read mark, a status)
        List<List<String>> links =
                b.waitFor(
                        d ->
                                b.findAll(".msg-agent .text a").stream()
                                        .map(
                                                a ->
                                                        List.of(
                                                                a.getDomAttribute("href"),
                                                                a.getText(),
                                                                a.getDomAttribute("target"),
                                                                a.getDomAttribute("rel")))
                                        .toList());
        assertThat(links)
                .extracting(link -> link.get(0))
                .containsExactly(
                        "https://oss.go.id/panduan?langkah=2&x=1", "https://oss.go.id/faq");
        assertThat(links)
                .extracting(link -> link.get(1))
                .containsExactly(
                        "https://oss.go.id/panduan?langkah=2&x=1", "https://oss.go.id/faq");
        for (List<String> link : links) {
            assertThat(link.get(2)).isEqualTo("_blank");
            assertThat(link.get(3)).isEqualTo("noopener noreferrer");
        }
        assertThat(b.findAll(".log b, .log script, .log img")).isEmpty();

        // the visitor's own address is a link too
        b.typeInComposer("Sudah saya coba di https://oss.go.id/login tapi gagal", Keys.ENTER);
        b.waitFor(d -> b.present(".msg-visitor .text a"));
        assertThat(b.attribute(".msg-visitor .text a", "href"))
                .isEqualTo("https://oss.go.id/login");
    }

    @Test
    void theVisitorLeavesTheQueueWithAkhiriChatAfterSayingYes() {
        WidgetBrowser b = chromium.newVisitorOnThePortal(port);
        b.startChat("Andi Wijaya", "andi@contoh.co.id", "Apakah izin lokasi masih diperlukan?");
        String sessionId = currentSession(b);
        b.waitFor(d -> b.present(".status-box[data-queue-position]"));

        assertThat(b.text("[data-action=end-chat]")).isEqualTo("Akhiri chat");
        b.click("[data-action=end-chat]");
        b.waitFor(d -> b.present(".end-confirm"));
        assertThat(b.text(".end-confirm .end-question")).isEqualTo("Akhiri percakapan ini?");
        assertThat(b.text(".end-confirm .end-explain"))
                .isEqualTo("Anda keluar dari antrean, dan pesan Anda tidak lagi menunggu petugas.");
        // the question takes the focus on its harmless answer; Escape takes it back
        b.waitFor(d -> "end-cancel".equals(action(b.focused())));
        b.press(Keys.ESCAPE);
        b.waitFor(d -> !b.present(".end-confirm"));
        assertThat(b.panel().isDisplayed()).as("Escape in the question keeps the panel").isTrue();
        b.waitFor(d -> "end-chat".equals(action(b.focused())));
        assertThat(stored(sessionId)).containsEntry("status", "waiting");

        b.click("[data-action=end-chat]");
        b.click("[data-action=end-confirm]");
        b.waitFor(d -> b.present(".ended"));
        assertThat(b.text(".status-box")).isEqualTo("Anda telah mengakhiri percakapan ini.");
        assertThat(b.present("#osslc-composer")).isFalse();
        assertThat(b.present("[data-action=end-chat]")).isFalse();
        b.waitFor(d -> "ended".equals(b.focused().getDomAttribute("data-focus")));
        assertThat(stored(sessionId))
                .containsEntry("status", "closed")
                .containsEntry("close_reason", "visitor_ended");

        // after a reload it is still over, and a new chat can begin
        b.reload();
        b.openWidget();
        b.waitFor(d -> b.present(".ended [data-action=new-chat]"));
    }

    @Test
    void theTopicIsChosenFromTheServersListAndShownInTheVisitorsLanguage() {
        WidgetBrowser b = chromium.newVisitorOnThePortal(port);
        b.openWidget();
        String options = "#osslc-f-topic option[value]:not([value=''])";
        assertThat(b.attributes(options, "value"))
                .containsExactlyElementsOf(Topics.ALL.stream().map(Topics.Topic::code).toList());
        assertThat(b.texts(options))
                .containsExactlyElementsOf(
                        Topics.ALL.stream().map(Topics.Topic::indonesian).toList());

        b.click("[data-action=language]");
        b.waitFor(d -> "OSS Help".equals(b.text("#osslc-title")));
        assertThat(b.texts(options))
                .containsExactlyElementsOf(Topics.ALL.stream().map(Topics.Topic::english).toList());
        b.choose("topic", "Business licensing");
        // the choice survives a switch of language: it is a code, named in each language
        b.click("[data-action=language]");
        b.waitFor(d -> "Bantuan OSS".equals(b.text("#osslc-title")));
        assertThat(b.find("#osslc-f-topic").getDomProperty("value")).isEqualTo("perizinan");
        assertThat(b.text("#osslc-f-topic option:checked")).isEqualTo("Perizinan berusaha");
        b.click("[data-action=language]");
        b.waitFor(d -> "OSS Help".equals(b.text("#osslc-title")));

        b.type("name", "John Doe");
        b.type("email", "john@company.com");
        b.click("form.form button[type=submit]");
        b.waitFor(d -> b.present(".status-box"));
        String sessionId = currentSession(b);
        assertThat(stored(sessionId))
                .as("one topic for the help desk, whatever the visitor's language")
                .containsEntry("topic_code", "perizinan")
                .containsEntry("topic", "Perizinan berusaha")
                .containsEntry("language", "en");

        b.click("[data-action=history]");
        String item = ".history-item[data-session='" + sessionId + "'] .history-topic";
        b.waitFor(d -> b.present(item));
        assertThat(b.text(item)).isEqualTo("Business licensing");
        b.click("[data-action=language]");
        b.waitFor(d -> "Perizinan berusaha".equals(b.text(item)));
    }
}
