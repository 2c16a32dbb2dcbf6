package id.oss.livechat.server.protection;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.EdgeTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.TestFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The limits at their defaults, on a production server behind an ingress: an office of fifty behind
 * one address chats; a script from one address is stopped with {@code 429 rate_limited} and {@code
 * Retry-After} before it fills a queue, and the client beside it still gets through.
 */
class RateLimitTest extends EdgeTest {

    /** One refusal: the status, the JSON error code, and Retry-After in seconds. */
    private record Answer(
            int status, String error, String retryAfter, String connection, String body) {}

    private static Answer answer(WebTestClient.ResponseSpec spec) {
        EntityExchangeResult<String> result = spec.expectBody(String.class).returnResult();
        String body = result.getResponseBody();
        String error = null;
        if (body != null && body.contains("\"error\"")) {
            error = body.replaceAll("(?s).*\"error\"\\s*:\\s*\"([^\"]*)\".*", "$1");
        }
        return new Answer(
                result.getStatus().value(),
                error,
                result.getResponseHeaders().getFirst("Retry-After"),
                result.getResponseHeaders().getFirst("Connection"),
                body);
    }

    private static Map<String, Object> startBody(UUID department) {
        return Map.of(
                "browser_uuid", UUID.randomUUID().toString(),
                "topic", "Izin usaha",
                "department_id", department.toString());
    }

    private static WebTestClient.ResponseSpec start(WebTestClient client, UUID department) {
        return client.post()
                .uri("/api/oss-chat/start")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(startBody(department))
                .exchange();
    }

    /**
     * Sends until the first refusal (at most {@code max} tries): how many got through, and the
     * refusal.
     */
    /**
     * Requests sent before the first refusal, that refusal, and how long the flood took: a bucket
     * refills while a slow machine sends, so what may pass depends on the time it took.
     */
    private record Flood(int sent, Answer refused, Duration took) {
        /** The most a bucket of {@code burst}, refilled at {@code perSecond}, lets through. */
        int mostAllowed(int burst, double perSecond) {
            return burst + (int) Math.ceil(perSecond * took.toMillis() / 1000.0) + 1;
        }
    }

    private static Flood untilRefused(Supplier<WebTestClient.ResponseSpec> request, int max) {
        long start = System.nanoTime();
        for (int sent = 0; sent < max; sent++) {
            Answer answer = answer(request.get());
            if (answer.status() >= 400) {
                return new Flood(sent, answer, Duration.ofNanos(System.nanoTime() - start));
            }
        }
        throw new AssertionError("never refused in " + max + " requests");
    }

    private static void assertRateLimited(Answer refused, long maxRetryAfter) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.error()).isEqualTo("rate_limited");
        assertThat(refused.body()).contains("\"message\"");
        assertThat(Long.parseLong(refused.retryAfter())).isBetween(1L, maxRetryAfter);
        // a flood reconnects for every try it makes
        assertThat(refused.connection()).isEqualTo("close");
    }

    @Test
    void anOfficeOfFiftyBehindOneAddressChatsWhileAScriptBesideItCannotFillTheQueue() {
        UUID department = new StaffFixture(db, direct()).department();
        WebTestClient office = citizen(freshAddress());
        List<String> tokens = new ArrayList<>();
        for (int person = 0; person < 50; person++) {
            Map<?, ?> started =
                    start(office, department)
                            .expectStatus()
                            .isCreated()
                            .expectBody(Map.class)
                            .returnResult()
                            .getResponseBody();
            tokens.add((String) started.get("visitor_token"));
            String session = (String) started.get("session_id");
            office.post()
                    .uri("/api/oss-chat/session/{id}/messages", session)
                    .headers(h -> h.setBearerAuth(tokens.get(tokens.size() - 1)))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("client_msg_id", "m1", "text", "Selamat pagi"))
                    .exchange()
                    .expectStatus()
                    .isOk();
        }

        WebTestClient script = citizen(freshAddress());
        Flood flood = untilRefused(() -> start(script, department), 200);
        assertRateLimited(flood.refused(), 3600);
        assertThat(flood.sent()).isEqualTo(50);
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_sessions WHERE status = 'waiting' AND department_id = '"
                                        + department
                                        + "'"))
                .isEqualTo(100);
        // a citizen at another address still starts a chat
        start(citizen(freshAddress()), department).expectStatus().isCreated();
    }

    @Test
    void chatStartsPerAddressAreLimitedEvenWhenEachChatIsEndedAtOnce() {
        UUID department = new StaffFixture(db, direct()).department();
        WebTestClient script = citizen(freshAddress());
        Flood flood =
                untilRefused(
                        () -> {
                            WebTestClient.ResponseSpec started = start(script, department);
                            Map<?, ?> body =
                                    started.expectBody(Map.class).returnResult().getResponseBody();
                            if (body.containsKey("visitor_token")) {
                                script.post()
                                        .uri(
                                                "/api/oss-chat/session/{id}/close",
                                                body.get("session_id"))
                                        .headers(
                                                h ->
                                                        h.setBearerAuth(
                                                                (String) body.get("visitor_token")))
                                        .exchange()
                                        .expectStatus()
                                        .isOk();
                                return start(script, department);
                            }
                            return start(script, department);
                        },
                        200);
        assertRateLimited(flood.refused(), 3600);
        // a burst of 60 starts (one refilled every 12 s): two per round here
        assertThat(flood.sent() * 2).isBetween(60, 64);
        start(citizen(freshAddress()), department).expectStatus().isCreated();
    }

    @Test
    void everyAnonymousRequestCountsPerAddress() {
        WebTestClient script = citizen(freshAddress());
        Flood flood =
                untilRefused(() -> script.get().uri("/api/oss-chat/departments").exchange(), 2000);
        assertRateLimited(flood.refused(), 60);
        // 600 at once, refilled at ten a second while the flood runs
        assertThat(flood.sent()).isBetween(600, flood.mostAllowed(600, 10));
        citizen(freshAddress())
                .get()
                .uri("/api/oss-chat/departments")
                .exchange()
                .expectStatus()
                .isOk();
        // the refused address is refused everywhere on the visitor API: another route gets at
        // most the few requests refilled meanwhile (one every 100 ms), not a budget of its own
        Flood elsewhere =
                untilRefused(
                        () ->
                                script.get()
                                        .uri(
                                                "/api/oss-chat/history?browser_uuid="
                                                        + UUID.randomUUID())
                                        .exchange(),
                        600);
        assertRateLimited(elsewhere.refused(), 60);
        assertThat(elsewhere.sent()).isLessThanOrEqualTo(elsewhere.mostAllowed(0, 10));
    }

    @Test
    void requestsAboutOneChatAreLimitedPerVisitorToken() {
        UUID department = new StaffFixture(db, direct()).department();
        WebTestClient office = citizen(freshAddress());
        Map<?, ?> mine =
                start(office, department).expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> colleague =
                start(office, department).expectBody(Map.class).returnResult().getResponseBody();
        Flood flood =
                untilRefused(
                        () ->
                                office.get()
                                        .uri("/api/oss-chat/session/{id}", mine.get("session_id"))
                                        .headers(
                                                h ->
                                                        h.setBearerAuth(
                                                                (String) mine.get("visitor_token")))
                                        .exchange(),
                        500);
        assertRateLimited(flood.refused(), 60);
        assertThat(flood.sent()).isBetween(60, flood.mostAllowed(60, 1));
        // a colleague at the same address, with a chat of their own, is not slowed
        office.get()
                .uri("/api/oss-chat/session/{id}", colleague.get("session_id"))
                .headers(h -> h.setBearerAuth((String) colleague.get("visitor_token")))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void messagesOverRestAreLimitedPerChatAsOnTheSocket() {
        UUID department = new StaffFixture(db, direct()).department();
        WebTestClient office = citizen(freshAddress());
        Map<?, ?> chat =
                start(office, department).expectBody(Map.class).returnResult().getResponseBody();
        int[] n = {0};
        Flood flood =
                untilRefused(
                        () ->
                                office.post()
                                        .uri(
                                                "/api/oss-chat/session/{id}/messages",
                                                chat.get("session_id"))
                                        .headers(
                                                h ->
                                                        h.setBearerAuth(
                                                                (String) chat.get("visitor_token")))
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .bodyValue(
                                                Map.of(
                                                        "client_msg_id",
                                                        "m" + (++n[0]),
                                                        "text",
                                                        "pesan " + n[0]))
                                        .exchange(),
                        300);
        assertRateLimited(flood.refused(), 60);
        // a burst of 20, refilled at five a second
        assertThat(flood.sent()).isBetween(20, flood.mostAllowed(20, 5));
        // nothing of the refused message was stored
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_messages WHERE session_id = '"
                                        + chat.get("session_id")
                                        + "'"))
                .isEqualTo((long) flood.sent());
    }

    @Test
    void fileUploadsAreLimitedPerChatFarBelowItsRequests() {
        UUID department = new StaffFixture(db, direct()).department();
        WebTestClient office = citizen(freshAddress());
        Map<?, ?> chat =
                start(office, department).expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> colleague =
                start(office, department).expectBody(Map.class).returnResult().getResponseBody();
        byte[] picture = TestFiles.png(16, 16);
        Flood flood = untilRefused(() -> upload(office, chat, picture), 60);
        assertRateLimited(flood.refused(), 60);
        assertThat(flood.refused().body()).contains("files");
        // ten at once, one more refilled every six seconds
        assertThat(flood.sent()).isBetween(10, flood.mostAllowed(10, 10.0 / 60));
        // nothing of the refused file was stored
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_attachments WHERE session_id = '"
                                        + chat.get("session_id")
                                        + "'"))
                .isEqualTo((long) flood.sent());
        // the chat still talks, and a colleague's chat still sends files
        office.post()
                .uri("/api/oss-chat/session/{id}/messages", chat.get("session_id"))
                .headers(h -> h.setBearerAuth((String) chat.get("visitor_token")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("client_msg_id", "m1", "text", "Sudah saya kirim"))
                .exchange()
                .expectStatus()
                .isOk();
        upload(office, colleague, picture).expectStatus().isCreated();
    }

    private static WebTestClient.ResponseSpec upload(
            WebTestClient client, Map<?, ?> chat, byte[] picture) {
        return client.post()
                .uri("/api/oss-chat/session/{id}/attachments", chat.get("session_id"))
                .headers(h -> h.setBearerAuth((String) chat.get("visitor_token")))
                .bodyValue(TestFiles.form("layar.png", picture, MediaType.IMAGE_PNG))
                .exchange();
    }

    @Test
    void staffSignInsAreLimitedPerAddress() {
        StaffFixture staff = new StaffFixture(db, direct());
        StaffFixture.Member agent = staff.agent("offline", 3, staff.department());
        WebTestClient office = citizen(freshAddress());
        Flood flood =
                untilRefused(
                        () ->
                                office.post()
                                        .uri("/api/auth/login")
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .bodyValue(
                                                Map.of(
                                                        "username",
                                                        agent.username(),
                                                        "password",
                                                        StaffFixture.PASSWORD))
                                        .exchange(),
                        400);
        assertRateLimited(flood.refused(), 60);
        assertThat(flood.sent()).isBetween(60, flood.mostAllowed(60, 1));
        citizen(freshAddress())
                .post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", agent.username(), "password", StaffFixture.PASSWORD))
                .exchange()
                .expectStatus()
                .isOk();
    }
}
