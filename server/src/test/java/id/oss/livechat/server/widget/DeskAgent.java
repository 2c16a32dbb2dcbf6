package id.oss.livechat.server.widget;

import id.oss.livechat.server.support.StaffFixture;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An agent of the demo portal's department, driven over the staff API as the desktop drives it (a
 * curl in the morning): comes online, writes, closes. Starts offline, of its own, so no other
 * test's chats reach it.
 */
final class DeskAgent {
    private final WebTestClient http;
    private final DatabaseClient db;
    private final StaffFixture staff;
    private final StaffFixture.Member member;
    private String token;

    DeskAgent(DatabaseClient db, WebTestClient http, UUID department) {
        this.db = db;
        this.http = http;
        this.staff = new StaffFixture(db, http);
        this.member = staff.agent("offline", 3, department);
    }

    /** Signs in on first use: the token carries the name the agent's messages are sent under. */
    private String token() {
        if (token == null) {
            token = staff.login(member);
        }
        return token;
    }

    String name() {
        return db.sql("SELECT display_name FROM users WHERE id = :id")
                .bind("id", member.id())
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    /** The name visitors see (a picture wants a real one); before the agent does anything. */
    DeskAgent named(String displayName) {
        db.sql("UPDATE users SET display_name = :n WHERE id = :id")
                .bind("n", displayName)
                .bind("id", member.id())
                .then()
                .block();
        return this;
    }

    /** Comes online: routing hands it the department's waiting chats. */
    DeskAgent online() {
        http.put()
                .uri("/api/agents/me/status")
                .headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "online"))
                .exchange()
                .expectStatus()
                .isOk();
        return this;
    }

    /** Whether the chat is this agent's now. */
    boolean serves(String sessionId) {
        return Boolean.TRUE.equals(
                db.sql("SELECT coalesce(agent_id = :a, false) FROM chat_sessions WHERE id = :s")
                        .bind("a", member.id())
                        .bind("s", UUID.fromString(sessionId))
                        .map(row -> row.get(0, Boolean.class))
                        .one()
                        .block());
    }

    void takes(String sessionId) {
        http.post()
                .uri("/api/chat/assign")
                .headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", sessionId, "agent_id", member.id().toString()))
                .exchange()
                .expectStatus()
                .isOk();
    }

    void says(String sessionId, String text) {
        http.post()
                .uri("/api/chat/session/{id}/messages", sessionId)
                .headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("client_msg_id", UUID.randomUUID().toString(), "text", text))
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** The chat's transcript as the agent reads it (the staff API's messages). */
    String reads(String sessionId) {
        return http.get()
                .uri("/api/chat/session/{id}/messages", sessionId)
                .headers(h -> h.setBearerAuth(token()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    void closes(String sessionId) {
        http.post()
                .uri("/api/chat/close")
                .headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", sessionId))
                .exchange()
                .expectStatus()
                .isOk();
    }
}
