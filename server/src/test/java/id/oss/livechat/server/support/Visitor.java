package id.oss.livechat.server.support;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A portal visitor in tests, calling the visitor API as the widget does. */
public final class Visitor {
    private final WebTestClient http;
    public final UUID browserUuid = UUID.randomUUID();

    public Visitor(WebTestClient http) {
        this.http = http;
    }

    /** A started session: its id and the token that proves ownership. */
    public record Session(String id, String token, Map<String, Object> body) {}

    public Session start(String topic) {
        return start(Map.of("browser_uuid", browserUuid.toString(), "topic", topic));
    }

    /** A chat in a department of the test's own. */
    public Session start(String topic, java.util.UUID departmentId) {
        return start(
                Map.of(
                        "browser_uuid", browserUuid.toString(),
                        "topic", topic,
                        "department_id", departmentId.toString()));
    }

    @SuppressWarnings("unchecked")
    public Session start(Map<String, Object> request) {
        Map<String, Object> body =
                http.post()
                        .uri("/api/oss-chat/start")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(request)
                        .exchange()
                        .expectStatus()
                        .isEqualTo(HttpStatus.CREATED)
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        return new Session(
                (String) body.get("session_id"), (String) body.get("visitor_token"), body);
    }

    public WebTestClient.ResponseSpec contact(Session session, Map<String, Object> contact) {
        Map<String, Object> request = new java.util.HashMap<>(contact);
        request.put("session_id", session.id());
        return http.post()
                .uri("/api/oss-chat/contact")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(session.token()))
                .bodyValue(request)
                .exchange();
    }

    public static Map<String, Object> johnDoe() {
        return Map.of(
                "contact_name", "John Doe",
                "contact_email", "john@company.com",
                "contact_phone", "+6281234567890",
                "position", "Manager",
                "company_name", "PT. Example");
    }
}
