package id.oss.livechat.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ApiErrors;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.Visitor;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every kind of bad input gets its documented 4xx in the one error shape, and leaves the database
 * exactly as it was.
 */
class VisitorBadInputTest extends ServerTest {
    private Visitor visitor;
    private Visitor.Session session;

    @BeforeEach
    void aVisitorWithOneSession() {
        visitor = new Visitor(http);
        session = visitor.start("Sesi yang ada");
    }

    /** A fingerprint of everything the visitor API can write. */
    private String databaseState() {
        return db.sql(
                        """
                SELECT (SELECT count(*) FROM chat_users) || '/' ||
                       (SELECT count(*) FROM chat_users WHERE deleted_at IS NULL) || '/' ||
                       (SELECT count(*) FROM chat_sessions) || '/' ||
                       (SELECT count(*) FROM chat_session_contacts) || '/' ||
                       (SELECT coalesce(max(updated_at)::text, '') FROM chat_session_contacts) || '/' ||
                       (SELECT coalesce(max(updated_at)::text, '') FROM chat_users) || '/' ||
                       (SELECT count(DISTINCT chat_user_id) FROM chat_sessions)""")
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private void refusedWithoutChange(
            Supplier<WebTestClient.ResponseSpec> call,
            HttpStatus status,
            String error,
            String field) {
        String before = databaseState();
        WebTestClient.BodyContentSpec body =
                call.get()
                        .expectStatus()
                        .isEqualTo(status)
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_JSON)
                        .expectBody()
                        .jsonPath("$.error")
                        .isEqualTo(error)
                        .jsonPath("$.message")
                        .isNotEmpty();
        if (field != null) {
            body.jsonPath("$.fields." + field).isNotEmpty();
        }
        assertThat(databaseState()).as("database after a refused request").isEqualTo(before);
    }

    private WebTestClient.ResponseSpec postRaw(String path, String json, String token) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(
                        h -> {
                            if (token != null) {
                                h.setBearerAuth(token);
                            }
                        })
                .bodyValue(json)
                .exchange();
    }

    private WebTestClient.ResponseSpec post(String path, Map<String, ?> body, String token) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(
                        h -> {
                            if (token != null) {
                                h.setBearerAuth(token);
                            }
                        })
                .bodyValue(body)
                .exchange();
    }

    private Map<String, Object> start(Object... keyValues) {
        Map<String, Object> body = new HashMap<>();
        body.put("browser_uuid", UUID.randomUUID().toString());
        body.put("topic", "Topik");
        for (int i = 0; i < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        return body;
    }

    private Map<String, Object> contact(String key, Object value) {
        Map<String, Object> body = new HashMap<>(Visitor.johnDoe());
        body.put("session_id", session.id());
        if (value == null) {
            body.remove(key);
        } else {
            body.put(key, value);
        }
        return body;
    }

    @Test
    void malformedJsonIsRefused() {
        refusedWithoutChange(
                () -> postRaw("/api/oss-chat/start", "{\"topic\": \"a\",", null),
                HttpStatus.BAD_REQUEST,
                "malformed_json",
                null);
        refusedWithoutChange(
                () -> postRaw("/api/oss-chat/contact", "not json", session.token()),
                HttpStatus.BAD_REQUEST,
                "malformed_json",
                null);
        refusedWithoutChange(
                () -> postRaw("/api/oss-chat/link-user", "[1,2]", null),
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                null);
    }

    @Test
    void missingFieldsAreNamed() {
        refusedWithoutChange(
                () ->
                        post(
                                "/api/oss-chat/start",
                                Map.of("browser_uuid", UUID.randomUUID().toString()),
                                null),
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "topic");
        refusedWithoutChange(
                () -> post("/api/oss-chat/start", Map.of("topic", "Tanpa identitas"), null),
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "browser_uuid");
        refusedWithoutChange(
                () -> post("/api/oss-chat/start", start("topic", "   "), null),
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "topic");
        refusedWithoutChange(
                () -> post("/api/oss-chat/contact", contact("contact_name", null), session.token()),
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "contact_name");
        refusedWithoutChange(
                () -> post("/api/oss-chat/contact", contact("session_id", null), session.token()),
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "session_id");
        refusedWithoutChange(
                () -> post("/api/oss-chat/link-user", Map.of("oss_user_id", "X"), null),
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "browser_uuid");
    }

    @Test
    void overLongFieldsAreRefused() {
        refusedWithoutChange(
                () -> post("/api/oss-chat/start", start("topic", "x".repeat(256)), null),
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "topic");
        refusedWithoutChange(
                () ->
                        post(
                                "/api/oss-chat/contact",
                                contact("company_name", "x".repeat(256)),
                                session.token()),
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "company_name");
        refusedWithoutChange(
                () ->
                        post(
                                "/api/oss-chat/start",
                                start(
                                        "oss_user_id",
                                        "u".repeat(256),
                                        "identity_hash",
                                        identityHash("u".repeat(256))),
                                null),
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "oss_user_id");
    }

    @Test
    void wrongTypesAndValuesAreNamed() {
        refusedWithoutChange(
                () -> post("/api/oss-chat/start", start("priority", "super"), null),
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "priority");
        refusedWithoutChange(
                () -> post("/api/oss-chat/start", start("browser_uuid", "not-a-uuid"), null),
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "browser_uuid");
        refusedWithoutChange(
                () -> post("/api/oss-chat/start", start("topic", Map.of("nested", true)), null),
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "topic");
        refusedWithoutChange(
                () ->
                        post(
                                "/api/oss-chat/start",
                                start("department_id", UUID.randomUUID().toString()),
                                null),
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "department_id");
        refusedWithoutChange(
                () -> post("/api/oss-chat/start", start("language", "fr"), null),
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "language");
    }

    @Test
    void invalidEmailOrPhoneIsExplained() {
        for (String email :
                new String[] {"john", "john@", "john@company", "a b@c.com", "@company.com"}) {
            refusedWithoutChange(
                    () ->
                            post(
                                    "/api/oss-chat/contact",
                                    contact("contact_email", email),
                                    session.token()),
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    "contact_email");
        }
        for (String phone :
                new String[] {"123", "phone-me", "+62 812 abc", "1234567890123456789"}) {
            refusedWithoutChange(
                    () ->
                            post(
                                    "/api/oss-chat/contact",
                                    contact("contact_phone", phone),
                                    session.token()),
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    "contact_phone");
        }
        refusedWithoutChange(
                () ->
                        post(
                                "/api/oss-chat/start",
                                start(
                                        "oss_user_id",
                                        "U1",
                                        "email",
                                        "nope",
                                        "identity_hash",
                                        identityHash("U1")),
                                null),
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "email");
    }

    @Test
    void aMissingOrWrongTokenIsUnauthorized() {
        refusedWithoutChange(
                () -> post("/api/oss-chat/contact", contact("position", "CEO"), null),
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                null);
        refusedWithoutChange(
                () -> post("/api/oss-chat/contact", contact("position", "CEO"), "vt_forged"),
                HttpStatus.UNAUTHORIZED,
                "invalid_token",
                null);
        refusedWithoutChange(
                () ->
                        post(
                                "/api/oss-chat/contact",
                                contact("position", "CEO"),
                                "vt_" + "A".repeat(43)),
                HttpStatus.UNAUTHORIZED,
                "invalid_token",
                null);
        ApiErrors.expect(
                http.get().uri("/api/oss-chat/session/{id}", session.id()).exchange(),
                HttpStatus.UNAUTHORIZED,
                "unauthorized");
    }

    @Test
    void someoneElsesSessionIsForbiddenAndAnUnknownOneNotFound() {
        Visitor.Session other = new Visitor(http).start("Sesi orang lain");
        refusedWithoutChange(
                () ->
                        post(
                                "/api/oss-chat/contact",
                                Map.of(
                                        "session_id",
                                        other.id(),
                                        "contact_name",
                                        "Penyusup",
                                        "contact_email",
                                        "x@evil.com"),
                                session.token()),
                HttpStatus.FORBIDDEN,
                "forbidden",
                null);
        http.get()
                .uri("/api/oss-chat/session/{id}", other.id())
                .headers(h -> h.setBearerAuth(session.token()))
                .exchange()
                .expectStatus()
                .isForbidden();
        refusedWithoutChange(
                () ->
                        post(
                                "/api/oss-chat/contact",
                                Map.of(
                                        "session_id",
                                        UUID.randomUUID().toString(),
                                        "contact_name",
                                        "A",
                                        "contact_email",
                                        "a@b.co"),
                                session.token()),
                HttpStatus.NOT_FOUND,
                "not_found",
                null);
        http.get()
                .uri("/api/oss-chat/session/not-a-session")
                .headers(h -> h.setBearerAuth(session.token()))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("not_found");
    }

    @Test
    void aForgedIdentityHashIsUnauthorizedEverywhere() {
        String forged = identityHash("SOMEONE-ELSE");
        refusedWithoutChange(
                () ->
                        post(
                                "/api/oss-chat/start",
                                start("oss_user_id", "VICTIM", "identity_hash", forged),
                                null),
                HttpStatus.UNAUTHORIZED,
                "invalid_identity",
                null);
        refusedWithoutChange(
                () ->
                        post(
                                "/api/oss-chat/start",
                                start("oss_user_id", "VICTIM", "identity_hash", "zz-not-hex"),
                                null),
                HttpStatus.UNAUTHORIZED,
                "invalid_identity",
                null);
        refusedWithoutChange(
                () ->
                        post(
                                "/api/oss-chat/link-user",
                                Map.of(
                                        "browser_uuid",
                                        visitor.browserUuid.toString(),
                                        "oss_user_id",
                                        "VICTIM",
                                        "identity_hash",
                                        forged),
                                null),
                HttpStatus.UNAUTHORIZED,
                "invalid_identity",
                null);
        refusedWithoutChange(
                () -> post("/api/oss-chat/start", start("oss_user_id", "VICTIM"), null),
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "identity_hash");
        http.get()
                .uri("/api/oss-chat/history?oss_user_id=VICTIM&identity_hash={h}", forged)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_identity");
        http.get()
                .uri("/api/oss-chat/history?oss_user_id=VICTIM")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.identity_hash")
                .isNotEmpty();
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        String huge =
                "{\"browser_uuid\":\""
                        + UUID.randomUUID()
                        + "\",\"topic\":\""
                        + "x".repeat(70_000)
                        + "\"}";
        refusedWithoutChange(
                () -> postRaw("/api/oss-chat/start", huge, null),
                HttpStatus.CONTENT_TOO_LARGE,
                "payload_too_large",
                null);
    }

    @Test
    void aClosedSessionTakesNoContact() {
        db.sql("UPDATE chat_sessions SET status = 'closed', ended_at = now() WHERE id = :id")
                .bind("id", UUID.fromString(session.id()))
                .then()
                .block();
        refusedWithoutChange(
                () -> post("/api/oss-chat/contact", contact("position", "CEO"), session.token()),
                HttpStatus.CONFLICT,
                "session_closed",
                null);
    }

    @Test
    void badHistoryQueriesAreExplained() {
        String who = "browser_uuid=" + visitor.browserUuid;
        String[][] cases = {
            {"browser_uuid=nope", "browser_uuid"},
            {"", "browser_uuid"},
            {who + "&limit=0", "limit"},
            {who + "&limit=101", "limit"},
            {who + "&limit=many", "limit"},
            {who + "&status=lost", "status"},
            {who + "&from=yesterday", "from"},
            {who + "&from=2026-11-25&to=2026-11-01", "from"},
            {who + "&cursor=garbage!", "cursor"},
        };
        for (String[] c : cases) {
            http.get()
                    .uri("/api/oss-chat/history?" + c[0])
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.error")
                    .isEqualTo("validation_failed")
                    .jsonPath("$.fields." + c[1])
                    .isNotEmpty();
        }
    }

    @Test
    void unknownRoutesAndMethodsAnswerInTheSameShape() {
        http.get()
                .uri("/api/oss-chat/nothing-here")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("not_found");
        refusedWithoutChange(
                () -> http.delete().uri("/api/oss-chat/start").exchange(),
                HttpStatus.METHOD_NOT_ALLOWED,
                "method_not_allowed",
                null);
        refusedWithoutChange(
                () ->
                        http.post()
                                .uri("/api/oss-chat/start")
                                .contentType(MediaType.TEXT_PLAIN)
                                .bodyValue("hello")
                                .exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                null);
        refusedWithoutChange(
                () ->
                        http.post()
                                .uri("/api/oss-chat/start")
                                .contentType(MediaType.APPLICATION_JSON)
                                .exchange(),
                HttpStatus.BAD_REQUEST,
                "malformed_json",
                null);
    }

    /** Odd values in every field of every visitor endpoint: always a 4xx, never a 500. */
    @Test
    void noJunkInAnyFieldCausesAServerError() {
        Object[] junk = {
            null,
            "",
            " ",
            0,
            -1,
            1e308,
            true,
            new int[] {1},
            Map.of("a", 1),
            "\u0000",
            "'; DROP TABLE chat_users; --",
            "\uD83D\uDE00".repeat(300),
            "x".repeat(5000),
            UUID.randomUUID().toString()
        };
        Map<String, String[]> endpoints =
                Map.of(
                        "/api/oss-chat/start",
                                new String[] {
                                    "browser_uuid",
                                    "oss_user_id",
                                    "email",
                                    "identity_hash",
                                    "topic",
                                    "priority",
                                    "department_id",
                                    "language"
                                },
                        "/api/oss-chat/contact",
                                new String[] {
                                    "session_id",
                                    "contact_name",
                                    "contact_email",
                                    "contact_phone",
                                    "position",
                                    "company_name"
                                },
                        "/api/oss-chat/link-user",
                                new String[] {
                                    "browser_uuid", "oss_user_id", "email", "identity_hash"
                                });
        endpoints.forEach(
                (path, fields) -> {
                    for (String field : fields) {
                        for (Object value : junk) {
                            Map<String, Object> body =
                                    new HashMap<>(
                                            path.endsWith("contact")
                                                    ? contact("position", "x")
                                                    : Map.of("topic", "t"));
                            body.put(field, value);
                            int status =
                                    http.post()
                                            .uri(path)
                                            .contentType(MediaType.APPLICATION_JSON)
                                            .headers(h -> h.setBearerAuth(session.token()))
                                            .bodyValue(body)
                                            .exchange()
                                            .returnResult(String.class)
                                            .getStatus()
                                            .value();
                            assertThat(status)
                                    .as("%s with %s = %s", path, field, value)
                                    .isLessThan(500);
                        }
                    }
                });
    }
}
