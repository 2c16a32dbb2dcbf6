package id.oss.livechat.server.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.support.ApiErrors;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.TestMail;
import id.oss.livechat.server.support.Visitor;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A note an agent writes in a chat ({@code POST /api/chat/session/:id/notes}) is for staff: the
 * agent and a supervisor watching get it live and in the transcript, marked internal; the visitor
 * never does, not live, not on resume, not in the history or its REST reads, not in the mailed
 * transcript. Who may not open the chat cannot write one, and bad input changes nothing.
 */
class InternalNotesTest extends ServerTest {
    private static final String NOTE = "Catatan: KBLI 62019 sudah dicek, NIB tertahan di PKKPR";
    private final TestMail smtp = TestMail.get();
    private final List<ChatSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(ChatSocket::close);
    }

    @Test
    void aNoteReachesTheAgentAndTheSupervisorAndNeverTheVisitor() throws Exception {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("online", 3, department);
        StaffFixture.Member supervisor = staff.member("supervisor", "away", 3, department);
        Visitor visitor = new Visitor(http);
        Visitor.Session session =
                visitor.start(
                        Map.of(
                                "browser_uuid", visitor.browserUuid.toString(),
                                "topic", "Status NIB",
                                "department_id", department.toString()));
        UUID sessionId = UUID.fromString(session.id());
        String email = "budi-" + UUID.randomUUID().toString().substring(0, 8) + "@contoh.co.id";
        Map<String, Object> contact = new HashMap<>(Visitor.johnDoe());
        contact.put("contact_email", email);
        visitor.contact(session, contact).expectStatus().isOk();
        assertThat(staff.agentOf(session.id())).isEqualTo(agent.id());

        String agentToken = staff.login(agent);
        String supervisorToken = staff.login(supervisor);
        ChatSocket visitorSide = socket("/ws/visitor", session.token());
        ChatSocket agentSide = socket("/ws/agent", agentToken);
        ChatSocket supervisorSide = socket("/ws/agent", supervisorToken);
        visitorSide.send(
                new ClientFrame.MessageSend(sessionId, "v-1", "Kenapa NIB saya belum terbit?"));
        agentSide.await(ServerFrame.MessageNew.class, m -> m.seq() == 1);
        agentSide.send(new ClientFrame.MessageSend(sessionId, "a-1", "Saya periksa dulu."));
        visitorSide.await(ServerFrame.MessageNew.class, m -> m.seq() == 2);

        // the agent writes a note: 201, the note as a message marked internal, from the agent
        note(agentToken, sessionId, Map.of("text", NOTE, "client_msg_id", "n-1"))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.seq")
                .isEqualTo(3)
                .jsonPath("$.internal")
                .isEqualTo(true)
                .jsonPath("$.text")
                .isEqualTo(NOTE)
                .jsonPath("$.sender.type")
                .isEqualTo("agent")
                .jsonPath("$.sender.name")
                .isEqualTo("Staf " + agent.username());
        // sent twice (a retry), it is stored once
        note(agentToken, sessionId, Map.of("text", NOTE, "client_msg_id", "n-1"))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.seq")
                .isEqualTo(3);

        // the agent's and the supervisor's sockets get it live, marked staff-only
        for (ChatSocket side : List.of(agentSide, supervisorSide)) {
            ServerFrame.MessageNew live =
                    side.await(ServerFrame.MessageNew.class, m -> m.seq() == 3);
            assertThat(live.internal()).isTrue();
            assertThat(live.text()).isEqualTo(NOTE);
        }
        // the visitor's history still shows the agent's reply as the last message
        assertThat(lastMessageInHistory(visitor)).isEqualTo("Saya periksa dulu.");

        // the next reply reaches the visitor as if nothing were between
        agentSide.send(new ClientFrame.MessageSend(sessionId, "a-2", "NIB Bapak sedang diproses."));
        visitorSide.await(ServerFrame.MessageNew.class, m -> m.seq() == 4);
        ChatSocket back = socket("/ws/visitor", session.token());
        back.send(new ClientFrame.Resume(sessionId, 0));
        back.await(ServerFrame.ResumeDone.class, d -> true);
        assertThat(back.all(ServerFrame.MessageNew.class))
                .extracting(ServerFrame.MessageNew::seq)
                .containsExactly(1L, 2L, 4L);
        for (ChatSocket side : List.of(visitorSide, back)) {
            assertThat(side.raw()).noneMatch(f -> f.contains(NOTE));
        }
        assertThat(visitorReads(session)).doesNotContain(NOTE).contains("sedang diproses");

        // both staff transcripts have it, marked
        for (String token : List.of(agentToken, supervisorToken)) {
            assertThat(staffTranscript(token, sessionId))
                    .contains(NOTE)
                    .contains("\"internal\":true");
        }

        // the transcript mailed when the chat closes leaves it out
        close(agentToken, sessionId);
        visitorSide.await(
                ServerFrame.SessionUpdated.class, u -> u.status() == SessionStatus.CLOSED);
        await().atMost(Duration.ofSeconds(30)).until(() -> !smtp.to(email).isEmpty());
        String mail = String.join("\n", parts(smtp.to(email).get(0)).values());
        assertThat(mail)
                .contains("Kenapa NIB saya belum terbit?", "NIB Bapak sedang diproses.")
                .doesNotContain(NOTE);
    }

    @Test
    void whoMayNotOpenTheChatWritesNoNoteAndBadInputChangesNothing() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        UUID elsewhere = staff.department();
        StaffFixture.Member agent = staff.agent("online", 3, department);
        StaffFixture.Member colleague = staff.agent("away", 3, department);
        StaffFixture.Member outsider = staff.agent("away", 3, elsewhere);
        Visitor.Session session = staff.waitingSession(department, "normal");
        assertThat(staff.agentOf(session.id())).isEqualTo(agent.id());
        UUID sessionId = UUID.fromString(session.id());
        String agentToken = staff.login(agent);

        ApiErrors.expect(
                note(agentToken, sessionId, Map.of("text", "  ")),
                HttpStatus.BAD_REQUEST,
                "validation_failed");
        note(agentToken, sessionId, Map.of("text", "x".repeat(4001)))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.text")
                .exists();
        note(agentToken, sessionId, Map.of("text", "ok", "client_msg_id", "bukan id!"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.client_msg_id")
                .exists();
        // an agent of another department may not open the chat, so may not write in it
        ApiErrors.expect(
                note(staff.login(outsider), sessionId, Map.of("text", NOTE)),
                HttpStatus.FORBIDDEN,
                "forbidden");
        // a visitor's token is no staff token
        ApiErrors.expect(
                note(session.token(), sessionId, Map.of("text", NOTE)),
                HttpStatus.UNAUTHORIZED,
                "invalid_token");
        ApiErrors.expect(
                note(agentToken, UUID.randomUUID(), Map.of("text", NOTE)),
                HttpStatus.NOT_FOUND,
                "not_found");
        assertThat(staffTranscript(agentToken, sessionId)).doesNotContain(NOTE);

        // a colleague of the department may leave a note for the agent serving it
        note(staff.login(colleague), sessionId, Map.of("text", NOTE)).expectStatus().isCreated();
        assertThat(staffTranscript(agentToken, sessionId)).contains(NOTE);

        // the agent's own note is no answer to the visitor: the chat still goes back to the
        // queue unless the agent writes, and no first response is counted
        note(agentToken, sessionId, Map.of("text", "Cek dulu ke DPMPTSP"))
                .expectStatus()
                .isCreated();
        http.get()
                .uri("/api/chat/session/{id}", sessionId)
                .headers(h -> h.setBearerAuth(agentToken))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.answer_by")
                .isNotEmpty();
        assertThat(
                        db.sql(
                                        "SELECT first_response_at IS NULL FROM chat_sessions"
                                                + " WHERE id = :id")
                                .bind("id", sessionId)
                                .map(row -> row.get(0, Boolean.class))
                                .one()
                                .block())
                .isTrue();

        // a closed chat takes no more notes
        close(agentToken, sessionId);
        ApiErrors.expect(
                note(agentToken, sessionId, Map.of("text", "terlambat")),
                HttpStatus.CONFLICT,
                "session_closed");
        assertThat(staffTranscript(agentToken, sessionId)).doesNotContain("terlambat");
    }

    private WebTestClient.ResponseSpec note(String token, UUID sessionId, Map<String, ?> body) {
        return http.post()
                .uri("/api/chat/session/{id}/notes", sessionId)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private ChatSocket socket(String path, String token) {
        ChatSocket socket = ChatSocket.signedIn(port, path, token);
        sockets.add(socket);
        return socket;
    }

    private void close(String token, UUID sessionId) {
        http.post()
                .uri("/api/chat/close")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", sessionId.toString()))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @SuppressWarnings("unchecked")
    private String lastMessageInHistory(Visitor visitor) {
        Map<String, Object> page =
                http.get()
                        .uri("/api/oss-chat/history?browser_uuid={b}", visitor.browserUuid)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        List<Map<String, Object>> sessions = (List<Map<String, Object>>) page.get("sessions");
        return (String) ((Map<String, Object>) sessions.get(0).get("last_message")).get("text");
    }

    private String visitorReads(Visitor.Session session) {
        return http.get()
                .uri("/api/oss-chat/session/{id}/messages", session.id())
                .headers(h -> h.setBearerAuth(session.token()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private String staffTranscript(String token, UUID sessionId) {
        return http.get()
                .uri("/api/chat/session/{id}/messages", sessionId)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** The text/plain and text/html parts of a mail. */
    private static Map<String, String> parts(Part part) throws Exception {
        Map<String, String> found = new HashMap<>();
        if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
            found.put(part.isMimeType("text/plain") ? "text" : "html", (String) part.getContent());
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                found.putAll(parts(child));
            }
        }
        return found;
    }
}
