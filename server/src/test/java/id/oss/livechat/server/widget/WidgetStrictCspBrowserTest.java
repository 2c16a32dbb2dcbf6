package id.oss.livechat.server.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.TestFiles;
import id.oss.livechat.server.support.TestMail;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/**
 * The widget on a portal that sends a strict Content-Security-Policy of its own, as a government
 * portal would: no inline script or style, scripts, styles and connections only from itself and the
 * chat server. On another origin than the chat server, in real Chromium, the visitor opens the
 * widget, starts a chat and exchanges messages with an agent, and the page records no violation of
 * its policy. When the chat has ended, the transcript form explains that the transcript goes only
 * to the chat's own address. A picture the visitor attaches is uploaded to the chat server under
 * that policy; the policy has no {@code img-src blob:}, so its thumbnail is refused and the widget
 * shows the file's row alone, never a broken image.
 */
class WidgetStrictCspBrowserTest extends ServerTest {
    private HttpServer portal;
    private WidgetBrowser browser;
    @TempDir Path files;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (portal != null) {
            portal.stop(0);
        }
    }

    /** The portal's policy, naming the chat server where a portal would. */
    private String policy() {
        String server = "http://localhost:" + port;
        return "default-src 'self'; script-src 'self' "
                + server
                + "; style-src 'self' "
                + server
                + "; connect-src 'self' "
                + server
                + " ws://localhost:"
                + port
                + "; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self';"
                + " form-action 'self'; frame-ancestors 'none'";
    }

    /** A portal page on 127.0.0.1 (another origin than localhost:port) with the widget on it. */
    private String startPortal() throws IOException {
        portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String page =
                "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">"
                        + "<title>Portal dengan CSP ketat</title>"
                        + "<script src=\"/record-violations.js\"></script>"
                        + "<script src=\"http://localhost:"
                        + port
                        + "/widget/widget.js\" data-server=\"http://localhost:"
                        + port
                        + "\" data-department=\""
                        + PortalDepartment.CODE
                        + "\" data-lang=\"id\" async></script>"
                        + "</head><body><main><h1>Portal OSS</h1></main></body></html>";
        // the page's own script: it notes every refusal of the page's policy, the widget's too
        String recorder =
                "window.__violations = [];"
                        + "document.addEventListener('securitypolicyviolation', function (e) {"
                        + " window.__violations.push(e.violatedDirective + ' ' + e.blockedURI"
                        + " + ' ' + (e.sample || ''));"
                        + "}, true);";
        portal.createContext("/", exchange -> answer(exchange, "text/html", page));
        portal.createContext(
                "/record-violations.js", exchange -> answer(exchange, "text/javascript", recorder));
        portal.start();
        return "http://127.0.0.1:" + portal.getAddress().getPort() + "/";
    }

    private void answer(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Content-Security-Policy", policy());
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> violations() {
        return (List<String>) browser.js("return window.__violations || ['no recorder'];");
    }

    @Test
    void onAPortalWithAStrictPolicyTheVisitorChatsWithAnAgent() throws IOException {
        PortalDepartment department = new PortalDepartment(db, http).nobodyOnline();
        DeskAgent agent = new DeskAgent(db, http, department.id()).named("Rina Kusuma").online();
        String page = startPortal();

        browser = new WidgetBrowser(port);
        browser.driver.get(page);
        browser.waitFor(
                d -> browser.js("return !!(window.OSSLiveChat && window.OSSLiveChat.version)"));
        browser.waitFor(d -> browser.launcher().isDisplayed());
        browser.startChat("Budi", "budi@contoh.co.id", "Halo dari portal yang ketat");
        String sessionId =
                browser.waitFor(
                        d ->
                                (String)
                                        browser.js(
                                                "return JSON.parse(localStorage.getItem('osslc.current'))"));
        browser.waitFor(d -> agent.serves(sessionId));
        browser.waitFor(d -> browser.present(".status-box.is-active"));

        agent.says(sessionId, "Selamat siang, ada yang bisa kami bantu?");
        browser.waitFor(d -> browser.findAll(".msg-agent").size() == 1);
        assertThat(browser.text(".msg-agent .text"))
                .isEqualTo("Selamat siang, ada yang bisa kami bantu?");
        browser.typeInComposer("Terima kasih, saya mau tanya NIB.", Keys.ENTER);
        browser.waitFor(
                d ->
                        Long.valueOf(1)
                                .equals(
                                        db.sql(
                                                        "SELECT count(*) FROM chat_messages WHERE session_id = :s"
                                                                + " AND sender_type = 'visitor' AND body = :b")
                                                .bind("s", UUID.fromString(sessionId))
                                                .bind("b", "Terima kasih, saya mau tanya NIB.")
                                                .map(row -> row.get(0, Long.class))
                                                .one()
                                                .block()));
        browser.waitFor(d -> browser.findAll(".msg-visitor .mark-sent").size() == 2);
        // styled by its own style sheet, not by inline styles the policy would have refused
        assertThat(browser.launcher().getCssValue("position")).isEqualTo("fixed");
        assertThat(violations()).isEmpty();
        browser.screenshot("widget-strict-csp");

        // the chat ends; the transcript goes only to the chat's own address, and the form says so
        // when the visitor types another (issue 16: no mail to strangers from our address)
        agent.closes(sessionId);
        browser.waitFor(d -> browser.present(".ended .transcript"));
        String stranger =
                "orang-lain-" + UUID.randomUUID().toString().substring(0, 8) + "@contoh.co.id";
        browser.typeInto("#osslc-transcript-email", Keys.chord(Keys.CONTROL, "a"), stranger);
        browser.click(".transcript button[type=submit]");
        String refusal = browser.waitFor(d -> browser.find(".transcript .field-error").getText());
        assertThat(refusal)
                .isEqualTo(
                        "Transkrip hanya dapat dikirim ke e-mail kontak percakapan ini atau e-mail"
                                + " akun OSS Anda.");
        assertThat(TestMail.get().to(stranger)).isEmpty();
        browser.screenshot("widget-transcript-address");
        assertThat(violations()).isEmpty();
    }

    @Test
    void onAPortalWithAStrictPolicyAPictureIsSentAndShownAsItsFileRow() throws IOException {
        PortalDepartment department = new PortalDepartment(db, http).nobodyOnline();
        DeskAgent agent = new DeskAgent(db, http, department.id()).online();
        String page = startPortal();

        browser = new WidgetBrowser(port);
        browser.driver.get(page);
        browser.waitFor(d -> browser.launcher().isDisplayed());
        browser.startChat("Budi", "budi@contoh.co.id", "Saya kirim tangkapan layar");
        String sessionId =
                browser.waitFor(
                        d ->
                                (String)
                                        browser.js(
                                                "return JSON.parse(localStorage.getItem('osslc.current'))"));
        browser.waitFor(d -> agent.serves(sessionId));
        browser.waitFor(d -> browser.present(".status-box.is-active"));

        Path screenshot = files.resolve("galat-portal.png");
        Files.write(screenshot, TestFiles.png(64, 40));
        browser.find(".file-input").sendKeys(screenshot.toString());

        // the upload reached the chat server through connect-src, and is the chat's message
        browser.waitFor(d -> browser.present(".msg-visitor .attachment-link"));
        assertThat(
                        db.sql(
                                        "SELECT count(*) FROM chat_attachments a JOIN chat_messages m"
                                                + " ON m.attachment_id = a.id WHERE a.session_id = :s")
                                .bind("s", UUID.fromString(sessionId))
                                .map(row -> row.get(0, Long.class))
                                .one()
                                .block())
                .isEqualTo(1L);
        assertThat(browser.text(".msg-visitor .attachment-name")).isEqualTo("galat-portal.png");
        // the policy refuses blob: images: no broken picture, the row names and downloads it
        browser.waitFor(d -> browser.present(".msg-visitor .attachment[data-thumb=refused]"));
        assertThat(browser.find(".msg-visitor .attachment img.thumb").isDisplayed()).isFalse();
        assertThat(violations()).isNotEmpty().allMatch(v -> v.startsWith("img-src blob"));
    }
}
