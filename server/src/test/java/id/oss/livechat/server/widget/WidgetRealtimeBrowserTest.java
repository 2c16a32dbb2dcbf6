package id.oss.livechat.server.widget;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The widget against the realtime server (docs/API.md, Realtime): a visitor in headless Chromium
 * and an agent on {@code /ws/agent} driven by the test. Written against the contract before the
 * WebSocket endpoints exist; it runs once {@code /ws/visitor} and {@code /ws/agent} are merged.
 */
class WidgetRealtimeBrowserTest extends ServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final WidgetBrowser.Shared chromium = new WidgetBrowser.Shared();
    private WidgetBrowser browser;
    private AgentSocket agent;

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
    void theVisitorAndTheAgentChatWithTypingAcknowledgedAndReadMarks() {
        String sessionId = visitorStartsAndAgentTakesIt();
        WidgetBrowser b = browser;

        agent.send(typing(sessionId, true));
        b.waitFor(d -> b.find(".typing").isDisplayed());
        assertThat(b.text(".typing")).endsWith("sedang mengetik…");

        agent.send(message(sessionId, "Selamat siang, ada yang bisa kami bantu?"));
        b.waitFor(d -> b.findAll(".msg-agent").size() == 1);
        assertThat(b.text(".msg-agent .text"))
                .isEqualTo("Selamat siang, ada yang bisa kami bantu?");
        assertThat(b.find(".typing").isDisplayed()).isFalse();

        b.typeInComposer("Saya ingin mengubah alamat usaha.", Keys.ENTER);
        Map<String, Object> received =
                agent.await(
                        f ->
                                "message.new".equals(f.get("type"))
                                        && "Saya ingin mengubah alamat usaha."
                                                .equals(f.get("text")));
        assertThat(sender(received)).containsEntry("type", "visitor");
        // acknowledged: one check mark
        b.waitFor(d -> b.findAll(".msg-visitor .mark-sent").size() == 2);

        long seq = ((Number) received.get("seq")).longValue();
        agent.send(Map.of("type", "read", "session_id", sessionId, "up_to_seq", seq));
        // read by the agent: two check marks
        b.waitFor(d -> b.findAll(".msg-visitor .mark-read").size() == 2);
        // and the visitor's read of the agent's message reaches the agent
        agent.await(f -> "read".equals(f.get("type")) && "visitor".equals(f.get("reader")));
    }

    @Test
    void anAgentMessageThatLooksLikeHtmlIsShownAsLiteralText() {
        String sessionId = visitorStartsAndAgentTakesIt();
        WidgetBrowser b = browser;
        String payload = "<img src=x onerror=alert(1)><b>tebal</b>";
        agent.send(message(sessionId, payload));
        b.waitFor(d -> b.findAll(".msg-agent").size() == 1);
        assertThat(b.text(".msg-agent .text")).isEqualTo(payload);
        assertThat(b.findAll(".log img, .log b")).isEmpty();
        // an alert would have made every further driver call fail
        assertThat(b.js("return 1")).isEqualTo(1L);
    }

    @Test
    void aReloadMidConversationResumesWithoutDuplicates() {
        String sessionId = visitorStartsAndAgentTakesIt();
        WidgetBrowser b = browser;
        agent.send(message(sessionId, "Pesan satu"));
        agent.send(message(sessionId, "Pesan dua"));
        b.waitFor(d -> b.findAll(".msg-agent").size() == 2);
        b.typeInComposer("Balasan saya", Keys.ENTER);
        b.waitFor(d -> b.findAll(".msg-visitor .mark-sent").size() == 2);

        b.reload();
        // sent while the page was away: it comes with the resume
        agent.send(message(sessionId, "Pesan tiga"));
        b.openWidget();
        b.waitFor(d -> b.findAll(".msg-agent").size() == 3);
        List<String> texts = b.texts(".log .msg .text");
        assertThat(texts)
                .containsExactly(
                        "Pertanyaan pertama",
                        "Pesan satu",
                        "Pesan dua",
                        "Balasan saya",
                        "Pesan tiga");
        // seq order, no gaps, no duplicates
        List<String> seqs = b.attributes(".log .msg", "data-seq");
        assertThat(seqs).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void anAgentsInternalNoteNeverShowsInTheWidget() {
        String sessionId = visitorStartsAndAgentTakesIt();
        WidgetBrowser b = browser;
        String note = "Catatan staf: NIB tertahan di verifikasi PKKPR";
        http.post()
                .uri("/api/chat/session/{id}/notes", sessionId)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(agent.accessToken))
                .bodyValue(Map.of("text", note))
                .exchange()
                .expectStatus()
                .isCreated();
        agent.await(f -> "message.new".equals(f.get("type")) && note.equals(f.get("text")));
        agent.send(message(sessionId, "NIB Anda sedang kami periksa."));
        b.waitFor(d -> b.findAll(".msg-agent").size() == 1);
        assertThat(b.js("return document.querySelector('oss-livechat').shadowRoot.textContent"))
                .asString()
                .doesNotContain(note);
        // nor after a reload, when the widget resumes the chat from the server
        b.reload();
        b.openWidget();
        b.waitFor(d -> b.findAll(".msg-agent").size() == 1);
        List<String> texts = b.texts(".log .msg .text");
        assertThat(texts).containsExactly("Pertanyaan pertama", "NIB Anda sedang kami periksa.");
        assertThat(b.js("return document.querySelector('oss-livechat').shadowRoot.textContent"))
                .asString()
                .doesNotContain(note);
    }

    @Test
    void whenTheAgentClosesTheChatTheVisitorRatesIt() {
        String sessionId = visitorStartsAndAgentTakesIt();
        WidgetBrowser b = browser;
        http.post()
                .uri("/api/chat/close")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(agent.accessToken))
                .bodyValue(Map.of("session_id", sessionId, "reason", "resolved"))
                .exchange()
                .expectStatus()
                .is2xxSuccessful();
        b.waitFor(d -> b.present(".ended .rating"));
        assertThat(b.present("#osslc-composer")).isFalse();
        b.click("label[for=osslc-star-5]");
        b.click(".rating button[type=submit]");
        b.waitFor(d -> b.present(".ended .done"));
        assertThat(b.text(".ended .done")).isEqualTo("Terima kasih atas penilaian Anda.");
    }

    /** A visitor starts a chat in the browser; a supervisor gives it to agent1, who is online. */
    private String visitorStartsAndAgentTakesIt() {
        browser = chromium.newVisitorOnThePortal(port);
        browser.startChat("Budi", "budi@contoh.co.id", "Pertanyaan pertama");
        browser.waitFor(d -> browser.present(".msg-visitor .mark-sent"));
        String sessionId =
                browser.waitFor(
                        d ->
                                (String)
                                        browser.js(
                                                "return JSON.parse(localStorage.getItem('osslc.current'))"));

        agent = AgentSocket.login(this, "agent1");
        http.put()
                .uri("/api/agents/me/status")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(agent.accessToken))
                // away: routing hands an online agent the queue by itself; here the supervisor
                // assigns
                .bodyValue(Map.of("status", "away"))
                .exchange()
                .expectStatus()
                .is2xxSuccessful();
        String supervisor = AgentSocket.accessToken(this, "supervisor");
        http.post()
                .uri("/api/chat/assign")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(supervisor))
                .bodyValue(Map.of("session_id", sessionId, "agent_id", agent.userId))
                .exchange()
                .expectStatus()
                .is2xxSuccessful();
        browser.waitFor(d -> browser.present(".status-box.is-active"));
        return sessionId;
    }

    private static Map<String, Object> message(String sessionId, String text) {
        return Map.of(
                "type",
                "message.send",
                "session_id",
                sessionId,
                "client_msg_id",
                UUID.randomUUID().toString(),
                "text",
                text);
    }

    private static Map<String, Object> typing(String sessionId, boolean on) {
        return Map.of("type", "typing", "session_id", sessionId, "typing", on);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sender(Map<String, Object> frame) {
        return (Map<String, Object>) frame.get("sender");
    }

    /** An agent on /ws/agent, authenticated with its access token as the first frame. */
    static final class AgentSocket implements WebSocket.Listener, AutoCloseable {
        final String accessToken;
        final String userId;
        final List<Map<String, Object>> frames = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        private AgentSocket(String accessToken, String userId) {
            this.accessToken = accessToken;
            this.userId = userId;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> login(
                WidgetRealtimeBrowserTest test, String username, boolean raw) {
            return test.http
                    .post()
                    .uri("/api/auth/login")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", username, "password", DEMO_PASSWORD))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
        }

        static String accessToken(WidgetRealtimeBrowserTest test, String username) {
            return (String) login(test, username, true).get("access_token");
        }

        @SuppressWarnings("unchecked")
        static AgentSocket login(WidgetRealtimeBrowserTest test, String username) {
            Map<String, Object> body = login(test, username, true);
            Map<String, Object> user = (Map<String, Object>) body.get("user");
            AgentSocket agent =
                    new AgentSocket((String) body.get("access_token"), (String) user.get("id"));
            agent.socket =
                    HttpClient.newHttpClient()
                            .newWebSocketBuilder()
                            .buildAsync(
                                    URI.create("ws://localhost:" + test.port + "/ws/agent"), agent)
                            .join();
            agent.send(Map.of("type", "auth", "token", agent.accessToken));
            agent.await(f -> "auth.ok".equals(f.get("type")));
            return agent;
        }

        void send(Map<String, Object> frame) {
            socket.sendText(JSON.writeValueAsString(frame), true).join();
        }

        Map<String, Object> await(Predicate<Map<String, Object>> wanted) {
            return org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(
                            () -> frames.stream().filter(wanted).findFirst().orElse(null),
                            java.util.Objects::nonNull);
        }

        @Override
        @SuppressWarnings("unchecked")
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(JSON.readValue(partial.toString(), Map.class));
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public void close() {
            if (socket != null) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
        }
    }
}
