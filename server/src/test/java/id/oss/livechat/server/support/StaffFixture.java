package id.oss.livechat.server.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Departments and staff of a test's own, so tests never share agents or queues: each gets a fresh
 * department and accounts with unique usernames.
 */
public final class StaffFixture {
    public static final String PASSWORD = "fixture-password";
    // cost 4: fast in tests; the server checks any BCrypt cost
    private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

    private final DatabaseClient db;
    private final WebTestClient http;

    public StaffFixture(DatabaseClient db, WebTestClient http) {
        this.db = db;
        this.http = http;
    }

    public record Member(UUID id, String username) {}

    public UUID department() {
        String code = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        return db.sql(
                        "INSERT INTO departments (code, name, email) VALUES (:c, :n, :e) RETURNING id")
                .bind("c", code)
                .bind("n", "Departemen " + code)
                .bind("e", code + "@oss.example.id")
                .map(row -> row.get(0, UUID.class))
                .one()
                .block();
    }

    public Member member(String role, String status, int maxChats, UUID... departments) {
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id =
                db.sql(
                                """
                        INSERT INTO users (username, display_name, password_hash, role, status, max_chats)
                        VALUES (:u, :n, :h, :r, :s, :m) RETURNING id""")
                        .bind("u", username)
                        .bind("n", "Staf " + username)
                        .bind("h", HASH)
                        .bind("r", role)
                        .bind("s", status)
                        .bind("m", maxChats)
                        .map(row -> row.get(0, UUID.class))
                        .one()
                        .block();
        for (UUID department : departments) {
            db.sql("INSERT INTO user_departments (user_id, department_id) VALUES (:u, :d)")
                    .bind("u", id)
                    .bind("d", department)
                    .then()
                    .block();
        }
        return new Member(id, username);
    }

    public Member agent(String status, int maxChats, UUID... departments) {
        return member("agent", status, maxChats, departments);
    }

    public List<Member> agents(int count, String status, int maxChats, UUID... departments) {
        List<Member> agents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            agents.add(agent(status, maxChats, departments));
        }
        return agents;
    }

    @SuppressWarnings("unchecked")
    public String login(String username) {
        Map<String, Object> body =
                http.post()
                        .uri("/api/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("username", username, "password", PASSWORD))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        return (String) body.get("access_token");
    }

    public String login(Member member) {
        return login(member.username());
    }

    /**
     * A waiting session of its own visitor in the department, started over the visitor API. A
     * visitor asks for at most {@code normal}; {@code high} and {@code urgent} are then set as
     * staff would raise the chat.
     */
    public Visitor.Session waitingSession(UUID department, String priority) {
        Visitor visitor = new Visitor(http);
        boolean raised = priority.equals("high") || priority.equals("urgent");
        Visitor.Session session =
                visitor.start(
                        Map.of(
                                "browser_uuid",
                                visitor.browserUuid.toString(),
                                "topic",
                                "Izin usaha " + UUID.randomUUID().toString().substring(0, 4),
                                "priority",
                                raised ? "normal" : priority,
                                "department_id",
                                department.toString()));
        if (raised) {
            db.sql("UPDATE chat_sessions SET priority = :p WHERE id = :id")
                    .bind("p", priority)
                    .bind("id", UUID.fromString(session.id()))
                    .then()
                    .block();
        }
        return session;
    }

    public String statusOf(String sessionId) {
        return db.sql("SELECT status FROM chat_sessions WHERE id = :id")
                .bind("id", UUID.fromString(sessionId))
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    public UUID agentOf(String sessionId) {
        return db.sql("SELECT agent_id FROM chat_sessions WHERE id = :id")
                .bind("id", UUID.fromString(sessionId))
                .map(row -> java.util.Optional.ofNullable(row.get(0, UUID.class)))
                .one()
                .block()
                .orElse(null);
    }
}
