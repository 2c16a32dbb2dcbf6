package id.oss.livechat.server.widget;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

/**
 * Files through the widget in headless Chromium, against the real server: the visitor attaches a
 * screenshot (its upload shown on the way), the agent receives it live; the agent's PDF appears in
 * the widget as a download link that fetches the very bytes; a program renamed {@code .pdf} is
 * refused with a sentence, and nothing reaches the agent.
 */
class WidgetAttachmentsBrowserTest extends ServerTest {
    private static final WidgetBrowser.Shared chromium = new WidgetBrowser.Shared();
    private WidgetBrowser browser;
    private ChatSocket agent;
    @TempDir Path files;

    @AfterAll
    static void closeChromium() {
        chromium.close();
    }

    @AfterEach
    void closeAll() {
        // agent1 serves at most three chats: end this test's chat so the next test can assign one
        db.sql(
                        "UPDATE chat_sessions SET status = 'closed', ended_at = now(), close_reason = 'test over'"
                                + " WHERE status = 'active' AND agent_id = (SELECT id FROM users WHERE username = 'agent1')")
                .then()
                .block();
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void theVisitorSendsAScreenshotAndDownloadsTheAgentsPdf() throws IOException {
        String sessionId = visitorStartsAndAgentTakesIt();
        WidgetBrowser b = browser;
        // what the conversation shows while an upload runs, recorded as it happens
        b.js(
                "const root = document.querySelector('oss-livechat').shadowRoot;"
                        + " window.uploadsSeen = [];"
                        + " new MutationObserver(() => root.querySelectorAll('.upload').forEach(u =>"
                        + " window.uploadsSeen.push(u.textContent))).observe(root, {subtree: true,"
                        + " childList: true});");

        Path screenshot = files.resolve("galat-portal.png");
        Files.write(screenshot, TestFiles.png(64, 40));
        b.find(".file-input").sendKeys(screenshot.toString());

        ServerFrame.MessageNew received =
                agent.await(
                        ServerFrame.MessageNew.class,
                        m -> m.attachment() != null && m.sessionId().toString().equals(sessionId));
        assertThat(received.attachment().name()).isEqualTo("galat-portal.png");
        assertThat(received.attachment().contentType()).isEqualTo("image/png");
        assertThat(received.sender().type().wire()).isEqualTo("visitor");
        // the visitor sees the picture itself, fetched with its token, and its name and size
        b.waitFor(
                d ->
                        (Boolean)
                                b.js(
                                        "const i = document.querySelector('oss-livechat').shadowRoot"
                                                + ".querySelector('.msg-visitor .attachment img.thumb');"
                                                + " return !!i && i.complete && i.naturalWidth === 64;"));
        assertThat(b.text(".msg-visitor .attachment-name")).isEqualTo("galat-portal.png");
        assertThat(b.js("return window.uploadsSeen.length")).isNotEqualTo(0L);
        assertThat((String) b.js("return window.uploadsSeen[0]")).contains("galat-portal.png");

        byte[] pdf = TestFiles.pdf();
        http.post()
                .uri("/api/chat/session/" + sessionId + "/attachments")
                .headers(h -> h.setBearerAuth(agentToken))
                .bodyValue(
                        TestFiles.form("Panduan perubahan NIB.pdf", pdf, MediaType.APPLICATION_PDF))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody();
        b.waitFor(d -> b.present(".msg-agent .attachment-link"));
        assertThat(b.text(".msg-agent .attachment-name")).isEqualTo("Panduan perubahan NIB.pdf");
        assertThat(b.attribute(".msg-agent .attachment-link", "download"))
                .isEqualTo("Panduan perubahan NIB.pdf");
        assertThat(b.present(".msg-agent .attachment img")).isFalse();
        b.screenshot("widget-attachment");

        // the link fetches the file with the visitor's token; the browser saves the very bytes
        // under the file's name (read from disk: the portal's policy lets no script read blobs)
        Path downloads = Files.createDirectories(files.resolve("unduhan"));
        b.driver.executeCdpCommand(
                "Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        b.click(".msg-agent .attachment-link");
        b.waitFor(
                d ->
                        b.find(".msg-agent .attachment-link")
                                .getDomAttribute("href")
                                .startsWith("blob:"));
        Path saved = downloads.resolve("Panduan perubahan NIB.pdf");
        b.waitFor(d -> Files.isRegularFile(saved) && sizeOf(saved) == pdf.length);
        assertThat(Files.readAllBytes(saved)).isEqualTo(pdf);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return -1;
        }
    }

    @Test
    void aProgramRenamedPdfIsRefusedWithASentenceAndNeverReachesTheAgent() throws IOException {
        String sessionId = visitorStartsAndAgentTakesIt();
        WidgetBrowser b = browser;
        Path exe = files.resolve("izin-usaha.pdf");
        Files.write(exe, TestFiles.exe());

        b.find(".file-input").sendKeys(exe.toString());

        b.waitFor(d -> b.present(".upload .upload-error"));
        assertThat(b.text(".upload .upload-error"))
                .isEqualTo("Hanya berkas PDF, PNG, JPEG, atau WebP yang dapat dikirim.");
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_attachments WHERE session_id = '"
                                        + sessionId
                                        + "'"))
                .isZero();
        assertThat(agent.all(ServerFrame.MessageNew.class)).noneMatch(m -> m.attachment() != null);
        b.click("[data-action=dismiss-upload]");
        b.waitFor(d -> !b.present(".upload"));
    }

    private String agentToken;

    private String visitorStartsAndAgentTakesIt() {
        // an agent another test left online in the portal's department would be routed the chat
        // before the supervisor assigns it here
        new PortalDepartment(db, http).nobodyOnline();
        browser = chromium.newVisitorOnThePortal(port);
        browser.startChat("Budi", "budi@contoh.co.id", "Saya kirim tangkapan layar galatnya");
        browser.waitFor(d -> browser.present(".msg-visitor .mark-sent"));
        String sessionId =
                browser.waitFor(
                        d ->
                                (String)
                                        browser.js(
                                                "return JSON.parse(localStorage.getItem('osslc.current'))"));
        agentToken = demoToken("agent1");
        String agentId =
                db.sql("SELECT id FROM users WHERE username = 'agent1'")
                        .map(row -> row.get(0, UUID.class))
                        .one()
                        .block()
                        .toString();
        http.put()
                .uri("/api/agents/me/status")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(agentToken))
                // away: routing hands an online agent the queue by itself; here the supervisor
                // assigns
                .bodyValue(Map.of("status", "away"))
                .exchange()
                .expectStatus()
                .is2xxSuccessful()
                .expectBody();
        http.post()
                .uri("/api/chat/assign")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(demoToken("supervisor")))
                .bodyValue(Map.of("session_id", sessionId, "agent_id", agentId))
                .exchange()
                .expectStatus()
                .is2xxSuccessful()
                .expectBody();
        agent = ChatSocket.signedIn(port, "/ws/agent", agentToken);
        browser.waitFor(d -> browser.present(".status-box.is-active"));
        return sessionId;
    }
}
