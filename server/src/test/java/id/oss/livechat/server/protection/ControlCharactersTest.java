package id.oss.livechat.server.protection;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a client types is text: control characters (but line feed and tab) and broken UTF-16 are
 * refused in every field with {@code 400 validation_failed} naming it, line breaks in every field
 * of one line (names, topic, addresses, phone, company, position, a close reason); and nothing the
 * API accepts can overflow a column into a 500. The good client beside writes several lines, tabs,
 * emoji and right-to-left text.
 */
class ControlCharactersTest extends ServerTest {
    private static final List<String> CONTROL =
            List.of("a\u0000b", "a\u0007b", "a\u001bb", "a\rb", "a\u007fb", "a\u0085b", "a\uD800b");
    private static final List<String> LINE_BREAKS = List.of("a\nb", "a\r\nb", "a\u2028b");

    private StaffFixture staff;
    private UUID department;

    @BeforeEach
    void aDepartment() {
        staff = new StaffFixture(db, http);
        department = staff.department();
    }

    /**
     * A fingerprint of what these routes can write. Only requests create chats, visitors, staff and
     * departments, so those are counted everywhere; what the server's sweeps also write (a chat
     * closed, its closing message, its transcript mail) is counted in this test's department: the
     * server is shared with other test classes, whose chats may be swept while a refusal here is
     * checked.
     */
    private String state() {
        return db.sql(
                        """
                WITH mine AS (SELECT * FROM chat_sessions WHERE department_id = :department)
                SELECT (SELECT count(*) FROM chat_sessions) || '/' ||
                       (SELECT count(*) FROM chat_users) || '/' ||
                       (SELECT count(*) FROM chat_messages WHERE session_id IN (SELECT id FROM mine)) || '/' ||
                       (SELECT coalesce(max(updated_at)::text, '') FROM chat_session_contacts
                         WHERE session_id IN (SELECT id FROM mine)) || '/' ||
                       (SELECT count(*) FROM mine WHERE rating IS NOT NULL) || '/' ||
                       (SELECT count(*) FROM mine WHERE status = 'closed') || '/' ||
                       (SELECT count(*) FROM users) || '/' || (SELECT count(*) FROM departments) || '/' ||
                       (SELECT count(*) FROM mail_outbox WHERE session_id IN (SELECT id FROM mine))""")
                .bind("department", department)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private void refused(
            String field, Function<String, WebTestClient.ResponseSpec> call, List<String> values) {
        for (String value : values) {
            String before = state();
            call.apply(value)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.error")
                    .isEqualTo("validation_failed")
                    .jsonPath("$.fields." + field)
                    .isNotEmpty();
            assertThat(state())
                    .as("%s = %s changed nothing", field, escaped(value))
                    .isEqualTo(before);
        }
    }

    private static String escaped(String value) {
        StringBuilder out = new StringBuilder();
        value.chars()
                .forEach(
                        c ->
                                out.append(
                                        c < 0x20 || c > 0x7e
                                                ? String.format("\\u%04x", c)
                                                : String.valueOf((char) c)));
        return out.toString();
    }

    private static List<String> controlAndBreaks() {
        List<String> all = new java.util.ArrayList<>(CONTROL);
        all.addAll(LINE_BREAKS);
        return all;
    }

    private WebTestClient.ResponseSpec post(String uri, String token, Map<String, ?> body) {
        return http.post()
                .uri(uri)
                .headers(
                        h -> {
                            if (token != null) {
                                h.setBearerAuth(token);
                            }
                        })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private Map<String, Object> startWith(String field, String value) {
        Map<String, Object> body = new HashMap<>();
        body.put("browser_uuid", UUID.randomUUID().toString());
        body.put("topic", "Izin usaha");
        body.put("department_id", department.toString());
        body.put(field, value);
        return body;
    }

    @Test
    void startRefusesControlCharactersAndLineBreaksInItsOneLineFields() {
        refused(
                "topic",
                v -> post("/api/oss-chat/start", null, startWith("topic", v)),
                controlAndBreaks());
        refused(
                "oss_user_id",
                v -> {
                    Map<String, Object> body = startWith("oss_user_id", v);
                    body.put("identity_hash", identityHash(v));
                    return post("/api/oss-chat/start", null, body);
                },
                controlAndBreaks());
        refused(
                "email",
                v -> {
                    String ossUserId = "OSS-" + UUID.randomUUID();
                    Map<String, Object> body = startWith("oss_user_id", ossUserId);
                    body.put("identity_hash", identityHash(ossUserId));
                    body.put("email", "budi@contoh.co.id" + v);
                    return post("/api/oss-chat/start", null, body);
                },
                controlAndBreaks());
        // the good visitor: a tab, emoji, a right-to-left mark and Arabic script are text
        post("/api/oss-chat/start", null, startWith("topic", "Izin\tusaha 🏢 \u200Fمرحبا"))
                .expectStatus()
                .isCreated();
    }

    @Test
    void theContactFormRefusesThemInEveryField() {
        Visitor visitor = new Visitor(http);
        Visitor.Session session = staff.waitingSession(department, "normal");
        for (String field :
                List.of(
                        "contact_name",
                        "contact_email",
                        "contact_phone",
                        "position",
                        "company_name")) {
            refused(
                    field,
                    v -> {
                        Map<String, Object> form = new HashMap<>(Visitor.johnDoe());
                        form.put(
                                field,
                                field.equals("contact_email")
                                        ? "john" + v + "@company.com"
                                        : field.equals("contact_phone")
                                                ? "+62812" + v + "34567"
                                                : "John" + v);
                        return visitor.contact(session, form);
                    },
                    controlAndBreaks());
        }
        visitor.contact(session, Visitor.johnDoe()).expectStatus().isOk();
    }

    @Test
    void messagesRatingsAndNotesTakeSeveralLinesButNoControlCharacters() {
        StaffFixture.Member agent = staff.agent("away", 3, department);
        String agentToken = staff.login(agent);
        Visitor.Session session = staff.waitingSession(department, "normal");
        refused(
                "text",
                v ->
                        post(
                                "/api/oss-chat/session/" + session.id() + "/messages",
                                session.token(),
                                Map.of("client_msg_id", UUID.randomUUID().toString(), "text", v)),
                CONTROL);
        post(
                        "/api/oss-chat/session/" + session.id() + "/messages",
                        session.token(),
                        Map.of(
                                "client_msg_id",
                                "ok-1",
                                "text",
                                "Baris satu\nbaris dua\tdengan tab 🙂"))
                .expectStatus()
                .isOk();
        post(
                        "/api/chat/assign",
                        agentToken,
                        Map.of("session_id", session.id(), "agent_id", agent.id().toString()))
                .expectStatus()
                .isOk();
        refused(
                "text",
                v ->
                        post(
                                "/api/chat/session/" + session.id() + "/messages",
                                agentToken,
                                Map.of("client_msg_id", UUID.randomUUID().toString(), "text", v)),
                CONTROL);
        refused(
                "note",
                v ->
                        post(
                                "/api/chat/transfer",
                                agentToken,
                                Map.of(
                                        "session_id",
                                        session.id(),
                                        "department_id",
                                        department.toString(),
                                        "note",
                                        v)),
                CONTROL);
        refused(
                "reason",
                v ->
                        post(
                                "/api/chat/close",
                                agentToken,
                                Map.of("session_id", session.id(), "reason", v)),
                controlAndBreaks());
        // a reason as long as the API allows fits its column (it was 50 characters: a 500)
        post(
                        "/api/chat/close",
                        agentToken,
                        Map.of("session_id", session.id(), "reason", "r".repeat(255)))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.close_reason")
                .isEqualTo("r".repeat(255));
        refused(
                "comment",
                v ->
                        post(
                                "/api/oss-chat/session/" + session.id() + "/rating",
                                session.token(),
                                Map.of("rating", 5, "comment", v)),
                CONTROL);
        post(
                        "/api/oss-chat/session/" + session.id() + "/rating",
                        session.token(),
                        Map.of("rating", 5, "comment", "Terima kasih!\nSangat membantu."))
                .expectStatus()
                .isNoContent();
        refused(
                "email",
                v ->
                        post(
                                "/api/oss-chat/session/" + session.id() + "/transcript",
                                session.token(),
                                Map.of("email", "john" + v + "@company.com")),
                controlAndBreaks());
    }

    @Test
    void staffAdministrationRefusesThemToo() {
        String admin = demoToken("admin");
        refused(
                "display_name",
                v ->
                        post(
                                "/api/agents",
                                admin,
                                Map.of(
                                        "username",
                                        "u" + UUID.randomUUID().toString().substring(0, 8),
                                        "display_name",
                                        "Agus" + v,
                                        "password",
                                        "password-123",
                                        "role",
                                        "agent")),
                controlAndBreaks());
        refused(
                "name",
                v ->
                        post(
                                "/api/departments",
                                admin,
                                Map.of(
                                        "code",
                                        "d-" + UUID.randomUUID().toString().substring(0, 8),
                                        "name",
                                        "Dept" + v)),
                controlAndBreaks());
        refused(
                "username",
                v ->
                        post(
                                "/api/auth/login",
                                null,
                                Map.of("username", "agent1" + v, "password", "x")),
                controlAndBreaks());
    }
}
