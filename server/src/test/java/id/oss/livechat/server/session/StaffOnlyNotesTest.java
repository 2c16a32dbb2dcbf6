package id.oss.livechat.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.ServerFrame;
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
import org.springframework.http.MediaType;

/**
 * The note an agent leaves when handing a chat on is for staff: the next agent reads it in the
 * transcript, marked internal; the visitor never sees it, not live, not on resume, not in the
 * history or the REST transcript, not in the mailed transcript; and the visitor's numbering goes on
 * past it as if nothing were missing.
 */
class StaffOnlyNotesTest extends ServerTest {
    private static final String NOTE = "Pengunjung menanyakan status NIB; PKKPR sudah dicek";
    private final TestMail smtp = TestMail.get();
    private final List<ChatSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(ChatSocket::close);
    }

    @Test
    void aTransferNoteReachesTheNextAgentAndNeverTheVisitor() throws Exception {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member first = staff.agent("online", 3, department);
        StaffFixture.Member next = staff.agent("away", 3, department);
        Visitor visitor = new Visitor(http);
        Visitor.Session session =
                visitor.start(
                        Map.of(
                                "browser_uuid", visitor.browserUuid.toString(),
                                "topic", "Status NIB",
                                "department_id", department.toString()));
        UUID sessionId = UUID.fromString(session.id());
        String email = "siti-" + UUID.randomUUID().toString().substring(0, 8) + "@contoh.co.id";
        Map<String, Object> contact = new HashMap<>(Visitor.johnDoe());
        contact.put("contact_email", email);
        visitor.contact(session, contact).expectStatus().isOk();
        assertThat(staff.agentOf(session.id())).isEqualTo(first.id());

        ChatSocket visitorSide = socket("/ws/visitor", session.token());
        ChatSocket firstAgent = socket("/ws/agent", staff.login(first));
        ChatSocket nextAgent = socket("/ws/agent", staff.login(next));
        visitorSide.send(new ClientFrame.MessageSend(sessionId, "v-1", "Status NIB saya?"));
        firstAgent.await(ServerFrame.MessageNew.class, m -> m.seq() == 1);
        firstAgent.send(new ClientFrame.MessageSend(sessionId, "a-1", "Saya periksa dulu."));
        visitorSide.await(ServerFrame.MessageNew.class, m -> m.seq() == 2);

        transfer(staff.login(first), sessionId, next.id());

        // the next agent gets the chat and the note, marked staff-only
        ServerFrame.MessageNew note =
                nextAgent.await(ServerFrame.MessageNew.class, m -> m.seq() == 3);
        assertThat(note.internal()).isTrue();
        assertThat(note.text()).contains(NOTE, "Staf " + next.username());
        assertThat(nextAgent.raw()).anyMatch(f -> f.contains("\"internal\":true"));
        // the visitor's history shows the agent's reply as the last message, not the note
        assertThat(lastMessageInHistory(visitor)).isEqualTo("Saya periksa dulu.");

        // the visitor hears of the new agent, and the next message arrives as if there were no gap
        visitorSide.await(
                ServerFrame.SessionUpdated.class,
                u -> u.agent() != null && ("Staf " + next.username()).equals(u.agent().name()));
        nextAgent.send(new ClientFrame.MessageSend(sessionId, "b-1", "Saya lanjutkan, Bu."));
        visitorSide.await(ServerFrame.MessageNew.class, m -> m.seq() == 4);
        // a visitor resuming after its last message gets the reply and the end, no note
        ChatSocket back = socket("/ws/visitor", session.token());
        back.send(new ClientFrame.Resume(sessionId, 2));
        ServerFrame.ResumeDone done = back.await(ServerFrame.ResumeDone.class, d -> true);
        assertThat(done.lastSeq()).isEqualTo(4);
        assertThat(back.all(ServerFrame.MessageNew.class))
                .extracting(ServerFrame.MessageNew::seq)
                .containsExactly(4L);
        for (ChatSocket side : List.of(visitorSide, back)) {
            assertThat(side.all(ServerFrame.MessageNew.class))
                    .extracting(ServerFrame.MessageNew::seq)
                    .doesNotContain(3L);
            assertThat(side.raw()).noneMatch(f -> f.contains(NOTE));
        }

        // the visitor's REST transcript leaves it out; staff's has it, marked
        assertThat(visitorTranscript(session)).doesNotContain(NOTE).contains("Saya lanjutkan");
        String staffTranscript = staffTranscript(staff.login(next), sessionId);
        assertThat(staffTranscript).contains(NOTE).contains("\"internal\":true");

        // nor does the transcript mailed when the chat closes
        close(staff.login(next), sessionId);
        visitorSide.await(
                ServerFrame.SessionUpdated.class, u -> u.status() == SessionStatus.CLOSED);
        await().atMost(Duration.ofSeconds(30)).until(() -> !smtp.to(email).isEmpty());
        String mail = String.join("\n", parts(smtp.to(email).get(0)).values());
        assertThat(mail).contains("Status NIB saya?", "Saya lanjutkan, Bu.").doesNotContain(NOTE);
    }

    private ChatSocket socket(String path, String token) {
        ChatSocket socket = ChatSocket.signedIn(port, path, token);
        sockets.add(socket);
        return socket;
    }

    private void transfer(String token, UUID sessionId, UUID agentId) {
        http.post()
                .uri("/api/chat/transfer")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of(
                                "session_id", sessionId.toString(),
                                "agent_id", agentId.toString(),
                                "note", NOTE))
                .exchange()
                .expectStatus()
                .isOk();
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

    private String visitorTranscript(Visitor.Session session) {
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
