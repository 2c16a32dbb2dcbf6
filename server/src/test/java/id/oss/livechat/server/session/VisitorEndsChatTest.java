package id.oss.livechat.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.support.ApiErrors;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The visitor ends the chat, or leaves the queue, with "Akhiri chat". */
class VisitorEndsChatTest extends ServerTest {

    private WebTestClient.ResponseSpec end(String sessionId, String token) {
        return http.post()
                .uri("/api/oss-chat/session/{id}/close", sessionId)
                .headers(
                        h -> {
                            if (token != null) {
                                h.setBearerAuth(token);
                            }
                        })
                .exchange();
    }

    private String closeReason(String sessionId) {
        return db.sql("SELECT close_reason FROM chat_sessions WHERE id = :id")
                .bind("id", UUID.fromString(sessionId))
                .map(row -> java.util.Optional.ofNullable(row.get(0, String.class)))
                .one()
                .block()
                .orElse(null);
    }

    @Test
    void aVisitorLeavesTheQueueAndTheStaffSeeItGoWithTheReason() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member watcher = staff.agent("away", 3, department);
        Visitor.Session waiting = staff.waitingSession(department, "normal");
        try (ChatSocket agent = ChatSocket.signedIn(port, "/ws/agent", staff.login(watcher));
                ChatSocket supervisor =
                        ChatSocket.signedIn(port, "/ws/agent", demoToken("supervisor"))) {
            agent.await(
                    ServerFrame.QueueUpdated.class,
                    f ->
                            f.waiting().stream()
                                    .anyMatch(s -> s.sessionId().toString().equals(waiting.id())));
            end(waiting.id(), waiting.token())
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.session_id")
                    .isEqualTo(waiting.id())
                    .jsonPath("$.status")
                    .isEqualTo("closed")
                    .jsonPath("$.close_reason")
                    .isEqualTo("visitor_ended")
                    .jsonPath("$.ended_at")
                    .isNotEmpty();

            // supervisors follow every chat; the department's agents watch its queue
            ServerFrame.SessionUpdated update =
                    supervisor.await(
                            ServerFrame.SessionUpdated.class,
                            f -> f.sessionId().toString().equals(waiting.id()));
            assertThat(update.status()).isEqualTo(SessionStatus.CLOSED);
            assertThat(update.closeReason()).isEqualTo("visitor_ended");
            // and the queue the agent watches no longer holds it
            agent.await(
                    ServerFrame.QueueUpdated.class,
                    f ->
                            f.waiting().stream()
                                    .noneMatch(s -> s.sessionId().toString().equals(waiting.id())));
        }
        assertThat(staff.statusOf(waiting.id())).isEqualTo("closed");
        assertThat(closeReason(waiting.id())).isEqualTo("visitor_ended");
    }

    @Test
    void endingAnActiveChatFreesTheAgentForTheNextVisitor() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("online", 1, department);
        Visitor.Session first = staff.waitingSession(department, "normal");
        assertThat(staff.agentOf(first.id())).isEqualTo(agent.id());
        Visitor.Session next = staff.waitingSession(department, "normal");
        assertThat(staff.statusOf(next.id())).isEqualTo("waiting");

        try (ChatSocket agentSide = ChatSocket.signedIn(port, "/ws/agent", staff.login(agent));
                ChatSocket visitorSide = ChatSocket.signedIn(port, "/ws/visitor", first.token())) {
            end(first.id(), first.token()).expectStatus().isOk();

            ServerFrame.SessionUpdated closed =
                    agentSide.await(
                            ServerFrame.SessionUpdated.class,
                            f ->
                                    f.sessionId().toString().equals(first.id())
                                            && f.status() == SessionStatus.CLOSED);
            assertThat(closed.closeReason()).isEqualTo("visitor_ended");
            // the visitor's other tabs hear it too
            visitorSide.await(
                    ServerFrame.SessionUpdated.class,
                    f ->
                            f.status() == SessionStatus.CLOSED
                                    && "visitor_ended".equals(f.closeReason()));
            // the freed slot goes to the next visitor at once
            agentSide.await(
                    ServerFrame.SessionUpdated.class,
                    f ->
                            f.sessionId().toString().equals(next.id())
                                    && f.status() == SessionStatus.ACTIVE);
        }
        assertThat(staff.agentOf(next.id())).isEqualTo(agent.id());
    }

    @Test
    void onlyTheSessionsOwnTokenEndsItAndAnEndedChatCannotEndAgain() {
        Visitor.Session mine = new Visitor(http).start("Sesi saya");
        Visitor.Session other = new Visitor(http).start("Sesi orang lain");

        ApiErrors.expect(end(mine.id(), other.token()), HttpStatus.FORBIDDEN, "forbidden");
        ApiErrors.expect(end(mine.id(), null), HttpStatus.UNAUTHORIZED, "unauthorized");
        ApiErrors.expect(
                end(mine.id(), "vt_" + "A".repeat(43)), HttpStatus.UNAUTHORIZED, "invalid_token");
        ApiErrors.expect(
                end(UUID.randomUUID().toString(), mine.token()), HttpStatus.NOT_FOUND, "not_found");
        ApiErrors.expect(end("not-a-session", mine.token()), HttpStatus.NOT_FOUND, "not_found");
        assertThat(new StaffFixture(db, http).statusOf(mine.id()))
                .as("refused calls change nothing")
                .isEqualTo("waiting");

        end(mine.id(), mine.token()).expectStatus().isOk();
        ApiErrors.expect(end(mine.id(), mine.token()), HttpStatus.CONFLICT, "session_closed");
        assertThat(closeReason(mine.id())).isEqualTo("visitor_ended");
        assertThat(closeReason(other.id())).isNull();
    }
}
