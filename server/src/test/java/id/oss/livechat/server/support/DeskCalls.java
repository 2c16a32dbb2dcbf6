package id.oss.livechat.server.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The REST calls the tests of issue 19 make over and over: chats started in a department with a
 * contact, messages written by either side, and staff calls with a token.
 */
public final class DeskCalls {
    private final WebTestClient http;

    public DeskCalls(WebTestClient http) {
        this.http = http;
    }

    /** A chat in {@code department} with the visitor's contact given. */
    public Visitor.Session chat(UUID department, String topic, String contactName) {
        Visitor visitor = new Visitor(http);
        Visitor.Session session =
                visitor.start(
                        Map.of(
                                "browser_uuid", visitor.browserUuid.toString(),
                                "topic", topic,
                                "department_id", department.toString()));
        Map<String, Object> contact = new HashMap<>(Visitor.johnDoe());
        contact.put("contact_name", contactName);
        visitor.contact(session, contact).expectStatus().isOk();
        return session;
    }

    /** The visitor writes, over the REST fallback. */
    public void visitorWrites(Visitor.Session session, String text) {
        http.post()
                .uri("/api/oss-chat/session/{id}/messages", session.id())
                .headers(h -> h.setBearerAuth(session.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("client_msg_id", UUID.randomUUID().toString(), "text", text))
                .exchange()
                .expectStatus()
                .is2xxSuccessful()
                .expectBody(String.class)
                .returnResult();
    }

    /** The chat's agent (or a supervisor) writes, over the REST fallback. */
    public void staffWrites(String token, String sessionId, String text) {
        call(
                        token,
                        HttpMethod.POST,
                        "/api/chat/session/" + sessionId + "/messages",
                        Map.of("client_msg_id", UUID.randomUUID().toString(), "text", text))
                .expectStatus()
                .is2xxSuccessful()
                .expectBody(String.class)
                .returnResult();
    }

    public WebTestClient.ResponseSpec call(
            String token, HttpMethod method, String path, Object body) {
        WebTestClient.RequestBodySpec request =
                http.method(method)
                        .uri(path)
                        .headers(
                                h -> {
                                    if (token != null) {
                                        h.setBearerAuth(token);
                                    }
                                });
        return body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> json(String token, HttpMethod method, String path, Object body) {
        return call(token, method, path, body)
                .expectStatus()
                .is2xxSuccessful()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String token, String path) {
        return call(token, HttpMethod.GET, path, null)
                .expectStatus()
                .isOk()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
    }

    public String text(String token, String path) {
        return call(token, HttpMethod.GET, path, null)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** A short random word no other test uses: what a test searches for. */
    public static String word(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
