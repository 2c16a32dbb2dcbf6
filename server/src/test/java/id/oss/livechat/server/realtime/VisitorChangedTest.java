package id.oss.livechat.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.TestDatabase;
import id.oss.livechat.server.support.Visitor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A chat is often assigned the moment it starts, before the visitor has filled in the contact form.
 * Staff must not be left with a nameless chat: when the contact arrives or changes, and when the
 * visitor logs in to OSS, every staff socket that shows the chat gets the whole session again.
 */
class VisitorChangedTest extends ServerTest {
    private final List<ChatSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(ChatSocket::close);
    }

    @Test
    void theContactAndIdentityGivenAfterTheAssignmentReachTheAgentAndTheSupervisor() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("online", 3, department);
        ChatSocket agentSide = socket(staff.login(agent));
        ChatSocket supervisor = socket(demoToken("supervisor"));
        Visitor visitor = new Visitor(http);
        Visitor.Session session =
                visitor.start(
                        Map.of(
                                "browser_uuid", visitor.browserUuid.toString(),
                                "topic", "Perubahan KBLI",
                                "department_id", department.toString()));
        UUID id = UUID.fromString(session.id());
        // assigned at once, without a name yet
        ServerFrame.SessionUpdated assigned =
                agentSide.await(ServerFrame.SessionUpdated.class, u -> u.sessionId().equals(id));
        assertThat(assigned.session().contact()).isNull();

        visitor.contact(session, Visitor.johnDoe()).expectStatus().isOk();

        for (ChatSocket side : List.of(agentSide, supervisor)) {
            ServerFrame.SessionUpdated named = named(side, id);
            assertThat(named.session().contact().contactName()).isEqualTo("John Doe");
            assertThat(named.session().contact().contactEmail()).isEqualTo("john@company.com");
            assertThat(named.session().agent().id()).isEqualTo(agent.id());
        }

        // the visitor logs in to the portal: the chat now shows a verified OSS user
        String ossUser = "OSS-" + UUID.randomUUID().toString().substring(0, 8);
        http.post()
                .uri("/api/oss-chat/link-user")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of(
                                "browser_uuid",
                                visitor.browserUuid.toString(),
                                "oss_user_id",
                                ossUser,
                                "email",
                                "john@company.com",
                                "identity_hash",
                                identityHash(ossUser)))
                .exchange()
                .expectStatus()
                .isOk();
        ServerFrame.SessionUpdated verified =
                agentSide.await(
                        ServerFrame.SessionUpdated.class,
                        u -> u.sessionId().equals(id) && u.session().verified());
        assertThat(verified.session().ossUserId()).isEqualTo(ossUser);
    }

    @Test
    void aWaitingVisitorsNameReachesTheQueueViews() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("away", 3, department);
        ChatSocket agentSide = socket(staff.login(agent));
        Visitor.Session session = staff.waitingSession(department, "normal");
        UUID id = UUID.fromString(session.id());
        agentSide.await(
                ServerFrame.QueueUpdated.class,
                q -> q.waiting().stream().anyMatch(s -> s.sessionId().equals(id)));

        new Visitor(http).contact(session, Visitor.johnDoe()).expectStatus().isOk();

        agentSide.await(
                ServerFrame.QueueUpdated.class,
                q ->
                        q.waiting().stream()
                                .anyMatch(
                                        s ->
                                                s.sessionId().equals(id)
                                                        && s.contact() != null
                                                        && "John Doe"
                                                                .equals(
                                                                        s.contact()
                                                                                .contactName())));
    }

    /**
     * The form is sent at the moment the chat is assigned (here by another node, whose news has not
     * reached this one yet): the agent now serving the chat gets the name all the same. Its desk
     * used to keep showing a nameless chat, because the server told the agent the session had when
     * the form's request came in, which was none.
     */
    @Test
    void aContactSentWhileTheChatIsBeingAssignedReachesTheAgentItWentTo() throws Exception {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("away", 3, department);
        ChatSocket agentSide = socket(staff.login(agent));
        Visitor.Session session = staff.waitingSession(department, "normal");
        UUID id = UUID.fromString(session.id());

        CompletableFuture<Void> form;
        try (Connection otherNode = DriverManager.getConnection(TestDatabase.get().jdbcUrl())) {
            otherNode.setAutoCommit(false);
            try (PreparedStatement claim =
                    otherNode.prepareStatement(
                            "UPDATE chat_sessions SET status = 'active', agent_id = ?,"
                                    + " assigned_at = now(), agent_assigned_at = now()"
                                    + " WHERE id = ?")) {
                claim.setObject(1, agent.id());
                claim.setObject(2, id);
                assertThat(claim.executeUpdate()).isEqualTo(1);
            }
            form =
                    CompletableFuture.runAsync(
                            () ->
                                    new Visitor(http)
                                            .contact(session, Visitor.johnDoe())
                                            .expectStatus()
                                            .isOk());
            // the form's statement waits for the assignment to commit
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> sessionRowWaiters(otherNode) > 0);
            otherNode.commit();
        }
        form.get(30, TimeUnit.SECONDS);

        ServerFrame.SessionUpdated named = named(agentSide, id);
        assertThat(named.session().contact().contactName()).isEqualTo("John Doe");
        assertThat(named.session().agent().id()).isEqualTo(agent.id());
    }

    /** The session as a socket was told it once its contact is known. */
    private static ServerFrame.SessionUpdated named(ChatSocket side, UUID id) {
        return side.await(
                ServerFrame.SessionUpdated.class,
                u ->
                        u.sessionId().equals(id)
                                && u.session() != null
                                && u.session().contact() != null);
    }

    /** Statements of other connections waiting for a lock held by {@code holder}. */
    private static int sessionRowWaiters(Connection holder) throws SQLException {
        try (PreparedStatement q =
                        holder.prepareStatement(
                                "SELECT count(*) FROM pg_stat_activity"
                                        + " WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))");
                ResultSet rows = q.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private ChatSocket socket(String token) {
        ChatSocket socket = ChatSocket.signedIn(port, "/ws/agent", token);
        sockets.add(socket);
        return socket;
    }
}
