package id.oss.livechat.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An agent's socket lives all shift and serves hundreds of chats: once a chat is closed (nothing
 * more can be said in it) the socket stops following it, so the node does not hold every chat a
 * shift ever had. The benchmark's soak found the heap growing with each chat ended before this.
 */
class ClosedChatsLetGoTest extends ServerTest {
    @Autowired ConnectionRegistry registry;

    @Test
    void theAgentsSocketLetsGoOfAChatOnceItIsClosedAndHasSaidSo() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("online", 3, department);
        try (ChatSocket agentSide = ChatSocket.signedIn(port, "/ws/agent", staff.login(agent))) {
            Visitor.Session session = new Visitor(http).start("Status NIB", department);
            UUID id = UUID.fromString(session.id());
            agentSide.await(
                    ServerFrame.SessionUpdated.class,
                    u -> u.sessionId().equals(id) && u.status() == SessionStatus.ACTIVE);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> agentSocketsFollowing(agent.id(), id) == 1);

            http.post()
                    .uri("/api/oss-chat/session/{id}/close", session.id())
                    .headers(h -> h.setBearerAuth(session.token()))
                    .exchange()
                    .expectStatus()
                    .isOk();

            // the desk is told first, then the socket lets go
            agentSide.await(
                    ServerFrame.SessionUpdated.class,
                    u -> u.sessionId().equals(id) && u.status() == SessionStatus.CLOSED);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> agentSocketsFollowing(agent.id(), id) == 0);
            assertThat(
                            registry.staffFollowing(id)
                                    .filter(c -> registry.staffMember(agent.id()).contains(c))
                                    .toList())
                    .isEmpty();
        }
    }

    private long agentSocketsFollowing(UUID agentId, UUID sessionId) {
        List<ClientConnection> sockets = List.copyOf(registry.staffMember(agentId));
        return sockets.stream().filter(c -> c.isAttached(sessionId)).count();
    }
}
