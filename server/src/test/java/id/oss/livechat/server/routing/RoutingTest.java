package id.oss.livechat.server.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Routing as agents live it, over HTTP on real PostgreSQL. */
class RoutingTest extends ServerTest {
    @Autowired SessionTimeouts timeouts;

    private StaffFixture staff() {
        return new StaffFixture(db, http);
    }

    private void setStatus(String token, String status) {
        http.put()
                .uri("/api/agents/me/status")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", status))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status);
    }

    @Test
    void aChatStartedWhileAnAgentIsFreeIsAssignedAtOnce() {
        StaffFixture staff = staff();
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("online", 2, department);
        Visitor.Session session = staff.waitingSession(department, "normal");
        assertThat(session.body().get("status")).isEqualTo("active");
        assertThat(staff.agentOf(session.id())).isEqualTo(agent.id());
        http.get()
                .uri("/api/oss-chat/session/{id}", session.id())
                .headers(h -> h.setBearerAuth(session.token()))
                .exchange()
                .expectBody()
                .jsonPath("$.agent.name")
                .isEqualTo("Staf " + agent.username())
                .jsonPath("$.agent.id")
                .isEmpty()
                .jsonPath("$.queue_position")
                .isEmpty();
    }

    @Test
    void offlineAndAwayAgentsGetNothingUntilTheyComeOnline() {
        StaffFixture staff = staff();
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("away", 3, department);
        staff.agent("offline", 3, department);
        Visitor.Session first = staff.waitingSession(department, "normal");
        Visitor.Session second = staff.waitingSession(department, "urgent");
        assertThat(staff.statusOf(first.id())).isEqualTo("waiting");
        assertThat(first.body().get("expected_wait_seconds")).isNull();

        setStatus(staff.login(agent), "online");

        assertThat(staff.agentOf(first.id())).isEqualTo(agent.id());
        assertThat(staff.agentOf(second.id())).isEqualTo(agent.id());
    }

    @Test
    void aFullAgentGetsTheNextChatWhenOneCloses() {
        StaffFixture staff = staff();
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("online", 1, department);
        String token = staff.login(agent);
        Visitor.Session served = staff.waitingSession(department, "normal");
        Visitor.Session next = staff.waitingSession(department, "normal");
        assertThat(staff.statusOf(next.id())).isEqualTo("waiting");
        assertThat(next.body().get("queue_position")).isEqualTo(1);
        // one agent, one slot, taken: the next frees in about one average chat length
        assertThat((Integer) next.body().get("expected_wait_seconds")).isPositive();

        http.post()
                .uri("/api/chat/close")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", served.id()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("closed")
                .jsonPath("$.close_reason")
                .isEqualTo("resolved");

        assertThat(staff.agentOf(next.id())).isEqualTo(agent.id());
        assertThat(staff.statusOf(next.id())).isEqualTo("active");
    }

    @Test
    void anAgentTakesAChatAndNobodyCanTakeItAgain() {
        StaffFixture staff = staff();
        UUID department = staff.department();
        StaffFixture.Member first = staff.agent("away", 3, department);
        StaffFixture.Member second = staff.agent("away", 3, department);
        Visitor.Session session = staff.waitingSession(department, "high");

        http.get()
                .uri("/api/chat/waiting")
                .headers(h -> h.setBearerAuth(staff.login(first)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sessions[0].session_id")
                .isEqualTo(session.id())
                .jsonPath("$.sessions[0].priority")
                .isEqualTo("high")
                .jsonPath("$.sessions[0].queue_position")
                .isEqualTo(1)
                .jsonPath("$.sessions[0].verified")
                .isEqualTo(false);

        http.post()
                .uri("/api/chat/assign")
                .headers(h -> h.setBearerAuth(staff.login(first)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", session.id(), "agent_id", first.id().toString()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("active")
                .jsonPath("$.agent.id")
                .isEqualTo(first.id().toString());

        http.post()
                .uri("/api/chat/assign")
                .headers(h -> h.setBearerAuth(staff.login(second)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", session.id(), "agent_id", second.id().toString()))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("session_not_waiting");
        assertThat(staff.agentOf(session.id())).isEqualTo(first.id());
    }

    @Test
    void agentsOnlySeeAndTakeTheirDepartmentsQueue() {
        StaffFixture staff = staff();
        UUID mine = staff.department();
        UUID theirs = staff.department();
        StaffFixture.Member agent = staff.agent("away", 3, mine);
        Visitor.Session elsewhere = staff.waitingSession(theirs, "normal");
        String token = staff.login(agent);

        String waiting =
                http.get()
                        .uri("/api/chat/waiting")
                        .headers(h -> h.setBearerAuth(token))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(waiting).doesNotContain(elsewhere.id());
        http.post()
                .uri("/api/chat/assign")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", elsewhere.id(), "agent_id", agent.id().toString()))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(staff.statusOf(elsewhere.id())).isEqualTo("waiting");
    }

    @Test
    void aSupervisorAssignsByHandOrLetsRoutingChoose() {
        StaffFixture staff = staff();
        UUID department = staff.department();
        StaffFixture.Member busy = staff.agent("away", 1, department);
        Visitor.Session byHand = staff.waitingSession(department, "normal");
        Visitor.Session automatic = staff.waitingSession(department, "normal");
        String supervisor = demoToken("supervisor");

        http.post()
                .uri("/api/chat/assign")
                .headers(h -> h.setBearerAuth(supervisor))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", byHand.id(), "agent_id", busy.id().toString()))
                .exchange()
                .expectStatus()
                .isOk();
        // the agent's one slot is taken: no way past the limit, by hand either
        http.post()
                .uri("/api/chat/assign")
                .headers(h -> h.setBearerAuth(supervisor))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", automatic.id(), "agent_id", busy.id().toString()))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("agent_at_capacity");
        http.post()
                .uri("/api/chat/assign")
                .headers(h -> h.setBearerAuth(supervisor))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", automatic.id()))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("no_agent_available");

        StaffFixture.Member fresh = staff.agent("away", 2, department);
        setStatus(staff.login(fresh), "online");
        assertThat(staff.agentOf(automatic.id())).isEqualTo(fresh.id());
    }

    @Test
    void assigningOrClosingWhatCannotBeIsRefusedAndChangesNothing() {
        StaffFixture staff = staff();
        UUID department = staff.department();
        Visitor.Session session = staff.waitingSession(department, "normal");
        String supervisor = demoToken("supervisor");
        http.post()
                .uri("/api/chat/close")
                .headers(h -> h.setBearerAuth(supervisor))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", session.id()))
                .exchange()
                .expectStatus()
                .isOk();

        StaffFixture.Member agent = staff.agent("online", 3, department);
        http.post()
                .uri("/api/chat/assign")
                .headers(h -> h.setBearerAuth(supervisor))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", session.id(), "agent_id", agent.id().toString()))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("session_not_waiting");
        http.post()
                .uri("/api/chat/close")
                .headers(h -> h.setBearerAuth(supervisor))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", session.id()))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("session_closed");
        http.post()
                .uri("/api/chat/assign")
                .headers(h -> h.setBearerAuth(supervisor))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", UUID.randomUUID().toString()))
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(staff.statusOf(session.id())).isEqualTo("closed");
        assertThat(staff.agentOf(session.id())).isNull();
    }

    @Test
    void aTransferHandsTheChatToAnAgentOrBackToADepartmentsQueue() {
        StaffFixture staff = staff();
        UUID department = staff.department();
        UUID other = staff.department();
        StaffFixture.Member from = staff.agent("online", 3, department);
        StaffFixture.Member to = staff.agent("away", 3, department);
        Visitor.Session session = staff.waitingSession(department, "normal");
        String token = staff.login(from);

        http.post()
                .uri("/api/chat/transfer")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of(
                                "session_id",
                                session.id(),
                                "agent_id",
                                to.id().toString(),
                                "note",
                                "Butuh bantuan NIB"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.agent.id")
                .isEqualTo(to.id().toString());
        http.get()
                .uri("/api/chat/session/{id}/messages", session.id())
                .headers(h -> h.setBearerAuth(staff.login(to)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.messages[0].sender.type")
                .isEqualTo("system")
                .jsonPath("$.messages[0].text")
                .value(text -> assertThat((String) text).contains("Butuh bantuan NIB"));

        http.post()
                .uri("/api/chat/transfer")
                .headers(h -> h.setBearerAuth(staff.login(to)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", session.id(), "department_id", other.toString()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("waiting")
                .jsonPath("$.department.id")
                .isEqualTo(other.toString());

        http.post()
                .uri("/api/chat/transfer")
                .headers(h -> h.setBearerAuth(demoToken("supervisor")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of(
                                "session_id",
                                session.id(),
                                "agent_id",
                                to.id().toString(),
                                "department_id",
                                other.toString()))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void aVisitorWhoLeftTheQueueIsClosedAsAbandonedAndAnUnansweredChatGoesBackToTheQueue() {
        StaffFixture staff = staff();
        UUID department = staff.department();
        Visitor.Session gone = staff.waitingSession(staff.department(), "normal");
        db.sql(
                        "UPDATE chat_sessions SET visitor_last_seen_at = now() - interval '1 hour' WHERE id = :id")
                .bind("id", UUID.fromString(gone.id()))
                .then()
                .block();

        StaffFixture.Member silent = staff.agent("online", 3, department);
        Visitor.Session unanswered = staff.waitingSession(department, "normal");
        assertThat(staff.agentOf(unanswered.id())).isEqualTo(silent.id());
        db.sql(
                        "UPDATE chat_sessions SET agent_assigned_at = now() - interval '1 hour' WHERE id = :id")
                .bind("id", UUID.fromString(unanswered.id()))
                .then()
                .block();
        StaffFixture.Member helpful = staff.agent("online", 3, department);

        timeouts.sweep().block(Duration.ofSeconds(30));

        assertThat(staff.statusOf(gone.id())).isEqualTo("closed");
        assertThat(
                        db.sql("SELECT close_reason FROM chat_sessions WHERE id = :id")
                                .bind("id", UUID.fromString(gone.id()))
                                .map(r -> r.get(0, String.class))
                                .one()
                                .block())
                .isEqualTo("abandoned");
        // back in the queue, and offered to the other agent first
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(staff.agentOf(unanswered.id())).isEqualTo(helpful.id()));
    }
}
