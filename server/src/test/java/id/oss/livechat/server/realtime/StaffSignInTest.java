package id.oss.livechat.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.StaffRole;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.Sender;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.agent.StaffAccount;
import id.oss.livechat.server.agent.StaffDirectory;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.session.SessionOverview;
import id.oss.livechat.server.session.StaffSessions;
import id.oss.livechat.server.session.VisitorPresence;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A staff socket signing in while its chats are read from the database (held open here, as a slow
 * query would). {@code auth.ok} tells the client the socket is live: from then on nothing said in
 * its chats may pass it by.
 */
class StaffSignInTest {
    private final UUID agentId = UUID.randomUUID();
    private final UUID sessionId = UUID.randomUUID();
    private final Sinks.One<List<SessionOverview>> chatsRead = Sinks.one();
    // what the message store holds for the session
    private final List<ChatMessage> stored = new CopyOnWriteArrayList<>();
    private final List<ServerFrame> frames = new CopyOnWriteArrayList<>();
    private final List<Boolean> followingAtAuthOk = new CopyOnWriteArrayList<>();
    private final AtomicInteger closedWith = new AtomicInteger();

    private ConnectionRegistry registry;
    private SocketSessions sockets;
    private ClientConnection connection;

    @BeforeEach
    void aSignedInAgentWithOneChat() {
        StaffSessions sessions = mock(StaffSessions.class);
        when(sessions.activeChatsOf(any())).thenReturn(chatsRead.asMono());
        StaffDirectory staff = mock(StaffDirectory.class);
        when(staff.account(agentId))
                .thenReturn(
                        Mono.just(
                                new StaffAccount(
                                        agentId,
                                        "agent-x",
                                        "Agen X",
                                        "agent-x@oss.example.id",
                                        "hash",
                                        StaffRole.AGENT,
                                        AgentStatus.ONLINE,
                                        3,
                                        true,
                                        List.of(),
                                        1,
                                        0)));
        registry = new ConnectionRegistry();
        sockets =
                new SocketSessions(
                        registry,
                        sessions,
                        mock(VisitorPresence.class),
                        staff,
                        mock(QueueBroadcaster.class),
                        (session, afterSeq) ->
                                Flux.fromIterable(stored)
                                        .filter(
                                                m ->
                                                        m.sessionId().equals(session)
                                                                && m.seq() > afterSeq),
                        session -> Mono.empty(),
                        staffMember -> Mono.empty());
        connection =
                new ClientConnection(
                        new Principal.StaffMember(
                                new Staff(agentId, "agent-x", "Agen X", StaffRole.AGENT),
                                List.of()),
                        ClientConnection.Limits.DEFAULT);
        connection.onCloseRequest((code, reason) -> closedWith.set(code));
        connection
                .outbound()
                .subscribe(
                        frame -> {
                            if (frame instanceof ServerFrame.AuthOk) {
                                followingAtAuthOk.add(
                                        registry.staffFollowing(sessionId)
                                                .anyMatch(c -> c == connection));
                            }
                            frames.add(frame);
                        });
    }

    @Test
    void authOkComesOnlyOnceTheSocketFollowsTheAgentsChats() {
        sockets.opened(connection);
        assertThat(frames).as("still reading the agent's chats").isEmpty();

        chatsRead.tryEmitValue(List.of(activeChat(0)));
        await().until(() -> !followingAtAuthOk.isEmpty());
        assertThat(followingAtAuthOk).containsExactly(true);

        // what the visitor writes right after auth.ok reaches the agent
        connection.deliver(message(1), (s, after, before) -> Flux.empty());
        await().until(() -> seqsDelivered().equals(List.of(1L)));
    }

    @Test
    void aMessageStoredWhileTheSocketWasJoiningFollowsAuthOkOnceAndInOrder() {
        sockets.opened(connection);
        // stored after the chats were read, dispatched before the socket followed the chat
        stored.add(message(1));
        chatsRead.tryEmitValue(List.of(activeChat(0)));
        await().until(() -> seqsDelivered().equals(List.of(1L)));
        assertThat(frames.get(0)).isInstanceOf(ServerFrame.AuthOk.class);

        // live delivery goes on from there without a duplicate
        stored.add(message(2));
        connection.deliver(message(1), (s, after, before) -> Flux.empty());
        connection.deliver(message(2), (s, after, before) -> Flux.empty());
        await().until(() -> seqsDelivered().size() == 2);
        assertThat(seqsDelivered()).containsExactly(1L, 2L);
    }

    @Test
    void aSocketWhoseChatsCannotBeReadClosesForTheClientToReconnect() {
        sockets.opened(connection);
        chatsRead.tryEmitError(new IllegalStateException("database gone"));
        await().until(() -> closedWith.get() == SocketSessions.CLOSE_SERVER_ERROR);
        assertThat(frames).noneMatch(ServerFrame.AuthOk.class::isInstance);
    }

    private List<Long> seqsDelivered() {
        return frames.stream()
                .filter(ServerFrame.MessageNew.class::isInstance)
                .map(f -> ((ServerFrame.MessageNew) f).seq())
                .toList();
    }

    private ChatMessage message(long seq) {
        return new ChatMessage(
                sessionId,
                seq,
                "v-" + seq,
                new Sender(SenderType.VISITOR, null, null),
                "Pesan " + seq,
                Instant.now());
    }

    private SessionOverview activeChat(long lastSeq) {
        return new SessionOverview(
                sessionId,
                UUID.randomUUID(),
                SessionStatus.ACTIVE,
                "Pendaftaran NIB",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                Instant.now(),
                Instant.now(),
                Instant.now(),
                null,
                null,
                lastSeq,
                0,
                null,
                null,
                null,
                null,
                null,
                false,
                0,
                0);
    }
}
