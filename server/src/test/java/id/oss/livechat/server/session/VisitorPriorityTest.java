package id.oss.livechat.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A visitor cannot push their own chat up the queue: anonymous visitors ask for normal at most, a
 * visitor the portal proves logged in for high; only staff make a chat urgent, with {@code PUT
 * /api/chat/session/:id/priority} (agents of its department, supervisors, admins).
 */
class VisitorPriorityTest extends ServerTest {

    private WebTestClient.ResponseSpec start(Map<String, Object> body) {
        return http.post()
                .uri("/api/oss-chat/start")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static Map<String, Object> anonymous(UUID department, String priority) {
        Map<String, Object> body = new HashMap<>();
        body.put("browser_uuid", UUID.randomUUID().toString());
        body.put("topic", "Izin usaha");
        body.put("department_id", department.toString());
        body.put("priority", priority);
        return body;
    }

    private Map<String, Object> loggedIn(UUID department, String priority) {
        String ossUserId = "OSS-" + UUID.randomUUID();
        Map<String, Object> body = anonymous(department, priority);
        body.remove("browser_uuid");
        body.put("oss_user_id", ossUserId);
        body.put("identity_hash", identityHash(ossUserId));
        return body;
    }

    private long sessionsIn(UUID department) {
        return count(
                "SELECT count(*) FROM chat_sessions WHERE department_id = '" + department + "'");
    }

    private WebTestClient.ResponseSpec setPriority(
            String token, String sessionId, Object priority) {
        Map<String, Object> body = new HashMap<>();
        body.put("priority", priority);
        return http.put()
                .uri("/api/chat/session/{id}/priority", sessionId)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    @Test
    void anAnonymousVisitorCannotAskForMoreThanNormal() {
        UUID department = new StaffFixture(db, http).department();
        for (String priority : new String[] {"urgent", "high"}) {
            start(anonymous(department, priority))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.error")
                    .isEqualTo("validation_failed")
                    .jsonPath("$.fields.priority")
                    .isNotEmpty();
        }
        assertThat(sessionsIn(department)).isZero();
        // the good visitor beside: normal, or low, starts
        start(anonymous(department, "normal"))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.priority")
                .isEqualTo("normal");
        start(anonymous(department, "low")).expectStatus().isCreated();
    }

    @Test
    void aVisitorLoggedInToOssMayAskForHighButNotUrgent() {
        UUID department = new StaffFixture(db, http).department();
        start(loggedIn(department, "urgent"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.priority")
                .isNotEmpty();
        start(loggedIn(department, "high"))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.priority")
                .isEqualTo("high");
        // a claimed login with a forged proof is no login: refused, and nothing stored
        Map<String, Object> forged = loggedIn(department, "high");
        forged.put("identity_hash", "0".repeat(64));
        start(forged).expectStatus().isUnauthorized();
        assertThat(sessionsIn(department)).isEqualTo(1);
    }

    @Test
    void anAgentOfTheDepartmentMakesAChatUrgentAndItLeadsTheQueue() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        String agent = staff.login(staff.agent("away", 3, department));
        Visitor.Session first = staff.waitingSession(department, "normal");
        Visitor.Session second = staff.waitingSession(department, "normal");

        setPriority(agent, second.id(), "urgent")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.session_id")
                .isEqualTo(second.id())
                .jsonPath("$.priority")
                .isEqualTo("urgent")
                .jsonPath("$.queue_position")
                .isEqualTo(1);
        http.get()
                .uri("/api/chat/waiting?department_id=" + department)
                .headers(h -> h.setBearerAuth(agent))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sessions[0].session_id")
                .isEqualTo(second.id())
                .jsonPath("$.sessions[1].session_id")
                .isEqualTo(first.id());
        // and the visitor sees the place it lost
        http.get()
                .uri("/api/oss-chat/session/{id}", first.id())
                .headers(h -> h.setBearerAuth(first.token()))
                .exchange()
                .expectBody()
                .jsonPath("$.queue_position")
                .isEqualTo(2);
        // a supervisor may lower it again
        setPriority(demoToken("supervisor"), second.id(), "low")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.priority")
                .isEqualTo("low");
    }

    @Test
    void strangersVisitorsAndBadValuesChangeNothing() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        String outsider = staff.login(staff.agent("away", 3, staff.department()));
        String insider = staff.login(staff.agent("away", 3, department));
        Visitor.Session chat = staff.waitingSession(department, "normal");

        setPriority(outsider, chat.id(), "urgent")
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("forbidden");
        setPriority(chat.token(), chat.id(), "urgent")
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error")
                .isNotEmpty();
        setPriority(insider, chat.id(), "asap")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.priority")
                .isNotEmpty();
        setPriority(insider, chat.id(), null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.priority")
                .isNotEmpty();
        setPriority(insider, UUID.randomUUID().toString(), "urgent")
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("not_found");
        assertThat(staff.statusOf(chat.id())).isEqualTo("waiting");
        assertThat(
                        db.sql("SELECT priority FROM chat_sessions WHERE id = :id")
                                .bind("id", UUID.fromString(chat.id()))
                                .map(row -> row.get(0, String.class))
                                .one()
                                .block())
                .isEqualTo("normal");

        http.post()
                .uri("/api/oss-chat/session/{id}/close", chat.id())
                .headers(h -> h.setBearerAuth(chat.token()))
                .exchange()
                .expectStatus()
                .isOk();
        setPriority(insider, chat.id(), "urgent")
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("session_closed");
    }
}
