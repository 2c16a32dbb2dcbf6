package id.oss.livechat.server.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who is handed chats, and when they are pulled back: routing hands chats to agents only; a chat an
 * agent took by hand stays with it while it is online; staff see when an unanswered chat will go
 * back ({@code answer_by}).
 */
class DeskRoutingRulesTest extends ServerTest {
    @Autowired SessionTimeouts timeouts;

    private StaffFixture staff() {
        return new StaffFixture(db, http);
    }

    @Test
    void aChatTakenByHandStaysWithItsOnlineAgentAndGoesBackOnceTheAgentIsAway() {
        StaffFixture staff = staff();
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("away", 3, department);
        String token = staff.login(agent);
        Visitor.Session chat = staff.waitingSession(department, "normal");

        assign(token, chat.id(), agent.id()).expectStatus().isOk();
        setStatus(token, "online");
        // taken by hand, agent online: no deadline, and an hour unanswered changes nothing
        assertThat(session(token, chat.id()).get("answer_by")).isNull();
        makeOld(chat.id());
        timeouts.sweep().block(Duration.ofSeconds(30));
        assertThat(staff.agentOf(chat.id())).isEqualTo(agent.id());
        assertThat(staff.statusOf(chat.id())).isEqualTo("active");

        // the agent goes away: the timeout applies again, and the chat goes back to the queue
        setStatus(token, "away");
        assertThat(session(token, chat.id()).get("answer_by")).isNotNull();
        timeouts.sweep().block(Duration.ofSeconds(30));
        assertThat(staff.statusOf(chat.id())).isEqualTo("waiting");
        assertThat(staff.agentOf(chat.id())).isNull();
    }

    @Test
    void aChatHandedToAnAgentShowsWhenItGoesBackAndStillGoesBack() {
        StaffFixture staff = staff();
        UUID department = staff.department();
        StaffFixture.Member routed = staff.agent("online", 3, department);
        Visitor.Session byRouting = staff.waitingSession(department, "normal");
        assertThat(staff.agentOf(byRouting.id())).isEqualTo(routed.id());
        String token = staff.login(routed);

        // routed: the deadline is the assignment plus the unanswered timeout (3 minutes)
        Map<String, Object> view = session(token, byRouting.id());
        Instant answerBy = Instant.parse((String) view.get("answer_by"));
        Instant assignedAt = agentAssignedAt(byRouting.id());
        assertThat(Duration.between(assignedAt, answerBy)).isEqualTo(Duration.ofMinutes(3));
        // once the agent has written, there is none
        http.post()
                .uri("/api/chat/session/{id}/messages", byRouting.id())
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("client_msg_id", "a-1", "text", "Selamat siang"))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(session(token, byRouting.id()).get("answer_by")).isNull();

        // a supervisor's assignment is not the agent's own choice: the timeout keeps it, even
        // while the agent is online
        setStatus(token, "away");
        StaffFixture.Member assignedTo = staff.agent("away", 3, department);
        Visitor.Session bySupervisor = staff.waitingSession(department, "normal");
        assign(demoToken("supervisor"), bySupervisor.id(), assignedTo.id()).expectStatus().isOk();
        setStatus(staff.login(assignedTo), "online");
        assertThat(session(token(assignedTo), bySupervisor.id()).get("answer_by")).isNotNull();
        makeOld(bySupervisor.id());
        StaffFixture.Member helpful = staff.agent("online", 3, department);
        timeouts.sweep().block(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(staff.agentOf(bySupervisor.id())).isEqualTo(helpful.id()));
    }

    @Test
    void routingHandsChatsToAgentsOnlyAndSupervisorsTakeThemByChoice() {
        StaffFixture staff = staff();
        UUID department = staff.department();
        StaffFixture.Member supervisor = staff.member("supervisor", "online", 3, department);
        String supervisorToken = staff.login(supervisor);
        // an online supervisor is no agent: the chat waits, and nobody promises a wait
        Visitor.Session first = staff.waitingSession(department, "normal");
        assertThat(staff.statusOf(first.id())).isEqualTo("waiting");
        assertThat(first.body().get("expected_wait_seconds")).isNull();
        assertThat(first.body().get("agents_online")).isEqualTo(0);
        setStatus(supervisorToken, "online"); // coming online routes: still nothing for it
        assertThat(staff.statusOf(first.id())).isEqualTo("waiting");

        // nor can it be assigned one, by another supervisor or by transfer
        StaffFixture.Member otherSupervisor = staff.member("supervisor", "online", 3, department);
        assign(supervisorToken, first.id(), otherSupervisor.id())
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("agent_cannot_take_chats");
        assertThat(staff.statusOf(first.id())).isEqualTo("waiting");

        // it takes one when it chooses to
        assign(supervisorToken, first.id(), supervisor.id()).expectStatus().isOk();
        assertThat(staff.agentOf(first.id())).isEqualTo(supervisor.id());
        http.post()
                .uri("/api/chat/transfer")
                .headers(h -> h.setBearerAuth(supervisorToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of(
                                "session_id",
                                first.id(),
                                "agent_id",
                                otherSupervisor.id().toString()))
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(staff.agentOf(first.id())).isEqualTo(supervisor.id());

        // an agent coming online gets what waits; the supervisor's own list is its own
        Visitor.Session second = staff.waitingSession(department, "normal");
        StaffFixture.Member agent = staff.agent("away", 3, department);
        setStatus(staff.login(agent), "online");
        assertThat(staff.agentOf(second.id())).isEqualTo(agent.id());
        assertThat(activeIds(supervisorToken, supervisor.id())).containsExactly(first.id());
    }

    // helpers

    private String token(StaffFixture.Member member) {
        return staff().login(member);
    }

    private WebTestClient.ResponseSpec assign(String token, String sessionId, UUID agentId) {
        return http.post()
                .uri("/api/chat/assign")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", sessionId, "agent_id", agentId.toString()))
                .exchange();
    }

    private void setStatus(String token, String status) {
        http.put()
                .uri("/api/agents/me/status")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", status))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> session(String token, String sessionId) {
        return http.get()
                .uri("/api/chat/session/{id}", sessionId)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<String> activeIds(String token, UUID agentId) {
        Map<String, Object> page =
                http.get()
                        .uri("/api/chat/active?agent_id={a}", agentId)
                        .headers(h -> h.setBearerAuth(token))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        return ((List<Map<String, Object>>) page.get("sessions"))
                .stream().map(s -> (String) s.get("session_id")).toList();
    }

    private void makeOld(String sessionId) {
        db.sql(
                        "UPDATE chat_sessions SET agent_assigned_at = now() - interval '1 hour' WHERE id = :id")
                .bind("id", UUID.fromString(sessionId))
                .then()
                .block();
    }

    private Instant agentAssignedAt(String sessionId) {
        return db.sql("SELECT agent_assigned_at FROM chat_sessions WHERE id = :id")
                .bind("id", UUID.fromString(sessionId))
                .map(row -> row.get(0, java.time.OffsetDateTime.class).toInstant())
                .one()
                .block();
    }
}
