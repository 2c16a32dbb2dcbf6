package id.oss.livechat.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * An agent who goes offline with chats open does not leave citizens waiting on nobody: the server
 * puts each chat back in its department's queue with a staff-only note naming who left, and hands
 * it to the next agent online. Whichever client set the status, the rule holds.
 */
class SignOutHandoverTest extends ServerTest {
    private final List<ChatSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(ChatSocket::close);
    }

    @Test
    void goingOfflineReturnsOpenChatsToTheQueueWithANoteForTheNextAgent() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member leaving = staff.agent("online", 3, department);
        Visitor.Session first = staff.waitingSession(department, "normal");
        Visitor.Session second = staff.waitingSession(department, "normal");
        assertThat(staff.agentOf(first.id())).isEqualTo(leaving.id());
        assertThat(staff.agentOf(second.id())).isEqualTo(leaving.id());
        StaffFixture.Member colleague = staff.agent("away", 3, department);
        String leavingToken = staff.login(leaving);
        ChatSocket leavingSocket = socket("/ws/agent", leavingToken);
        ChatSocket visitor = socket("/ws/visitor", first.token());

        // away keeps one's chats
        http.put()
                .uri("/api/agents/me/status")
                .headers(h -> h.setBearerAuth(leavingToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "away"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.active_chats")
                .isEqualTo(2);
        assertThat(staff.agentOf(first.id())).isEqualTo(leaving.id());

        // signing out: offline, and the answer already counts no chat
        http.put()
                .uri("/api/agents/me/status")
                .headers(h -> h.setBearerAuth(leavingToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "offline"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.active_chats")
                .isEqualTo(0);

        for (Visitor.Session chat : List.of(first, second)) {
            assertThat(staff.statusOf(chat.id())).isEqualTo("waiting");
            UUID id = UUID.fromString(chat.id());
            leavingSocket.await(
                    ServerFrame.SessionUpdated.class,
                    u -> u.sessionId().equals(id) && u.status() == SessionStatus.WAITING);
            String transcript = staffTranscript(demoToken("supervisor"), chat.id());
            assertThat(transcript)
                    .contains("Staf " + leaving.username() + " keluar")
                    .contains("\"internal\":true");
        }
        // the visitor learns it waits again, and never reads the note
        visitor.await(ServerFrame.SessionUpdated.class, u -> u.status() == SessionStatus.WAITING);
        assertThat(visitor.raw()).noneMatch(f -> f.contains("keluar"));

        // the colleague coming online gets both
        http.put()
                .uri("/api/agents/me/status")
                .headers(h -> h.setBearerAuth(staff.login(colleague)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "online"))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(staff.agentOf(first.id())).isEqualTo(colleague.id());
        assertThat(staff.agentOf(second.id())).isEqualTo(colleague.id());
    }

    private ChatSocket socket(String path, String token) {
        ChatSocket socket = ChatSocket.signedIn(port, path, token);
        sockets.add(socket);
        return socket;
    }

    private String staffTranscript(String token, String sessionId) {
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
}
