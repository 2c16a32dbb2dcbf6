package id.oss.livechat.server.realtime;

import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.FrameTypes;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.agent.StaffAccount;
import id.oss.livechat.server.agent.StaffDirectory;
import id.oss.livechat.server.session.SessionOverview;
import id.oss.livechat.server.session.StaffSessionWire;
import id.oss.livechat.server.session.StaffSessions;
import id.oss.livechat.server.session.VisitorPresence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What happens when a socket signs in and when it goes: registration, the first frames a client
 * needs (who it is, its session's state, the queue), and letting go.
 */
public class SocketSessions {
    private static final Logger log = LoggerFactory.getLogger(SocketSessions.class);

    /** RFC 6455's "internal error": the client may reconnect. */
    static final int CLOSE_SERVER_ERROR = 1011;

    /**
     * How long a visitor socket's live messages wait for the client's resume after it signs in: a
     * round trip on a slow mobile network. A client that resumes (the widget, at once) never waits
     * on it; one that resumes later than this may get a message twice, as before it existed.
     */
    static final Duration RESUME_GRACE = Duration.ofSeconds(1);

    private final ConnectionRegistry registry;
    private final StaffSessions sessions;
    private final VisitorPresence visitors;
    private final StaffDirectory staff;
    private final QueueBroadcaster queue;
    private final BiFunction<UUID, Long, Flux<ChatMessage>> missed;
    private final Function<UUID, Mono<Void>> visitorLeft;
    private final Function<UUID, Mono<Void>> staffSocketOpened;

    /** Without anything to tell when a visitor leaves or a staff socket signs in. */
    public SocketSessions(
            ConnectionRegistry registry,
            StaffSessions sessions,
            VisitorPresence visitors,
            StaffDirectory staff,
            QueueBroadcaster queue,
            BiFunction<UUID, Long, Flux<ChatMessage>> missed) {
        this(
                registry,
                sessions,
                visitors,
                staff,
                queue,
                missed,
                id -> Mono.empty(),
                id -> Mono.empty());
    }

    /**
     * @param missed a session's stored messages after a sequence number, in order
     * @param visitorLeft what a session's visitor leaving says to staff (it stopped typing)
     * @param staffSocketOpened told each time a staff socket signs in (presence: an agent away only
     *     because its sockets were gone is online again)
     */
    public SocketSessions(
            ConnectionRegistry registry,
            StaffSessions sessions,
            VisitorPresence visitors,
            StaffDirectory staff,
            QueueBroadcaster queue,
            BiFunction<UUID, Long, Flux<ChatMessage>> missed,
            Function<UUID, Mono<Void>> visitorLeft,
            Function<UUID, Mono<Void>> staffSocketOpened) {
        this.staffSocketOpened = staffSocketOpened;
        this.registry = registry;
        this.sessions = sessions;
        this.visitors = visitors;
        this.staff = staff;
        this.queue = queue;
        this.missed = missed;
        this.visitorLeft = visitorLeft;
    }

    public boolean shuttingDown() {
        return registry.isShuttingDown();
    }

    /** Handles a frame as work a stopping node waits for (see RealtimeLifecycle). */
    public Mono<Void> tracked(Mono<Void> handling) {
        return registry.tracked(handling);
    }

    public void opened(ClientConnection connection) {
        registry.add(connection);
        if (connection.principal() instanceof Principal.Visitor visitor) {
            connection.send(new ServerFrame.AuthOk(visitor.sessionId(), null));
            connection.enqueue(joinVisitor(connection, visitor.sessionId()));
            queue.sendPositionTo(connection, visitor.sessionId());
        } else if (connection.principal() instanceof Principal.StaffMember member) {
            endsWithItsToken(connection, member);
            connection.enqueue(joinStaff(connection, member));
            staffSocketOpened
                    .apply(member.staff().id())
                    .onErrorResume(
                            e -> {
                                log.warn("Could not mark a staff socket as seen", e);
                                return Mono.empty();
                            })
                    .subscribe();
            queue.sendQueueTo(connection);
        }
    }

    /**
     * A staff socket lives no longer than the token it signed in with: at its expiry it closes with
     * 4401 {@code token_expired}, and the client signs in again, or renews the token on the socket
     * before then ({@link #renewed}).
     */
    private static void endsWithItsToken(
            ClientConnection connection, Principal.StaffMember member) {
        if (member.tokenExpiresAt() == null) {
            return;
        }
        Duration left = Duration.between(Instant.now(), member.tokenExpiresAt());
        connection.deadline(
                Mono.delay(left.isNegative() ? Duration.ZERO : left)
                        .subscribe(
                                tick ->
                                        connection.closeWith(
                                                FrameTypes.CLOSE_UNAUTHORIZED,
                                                FrameTypes.REVOKED_TOKEN_EXPIRED)));
    }

    /**
     * A signed-in staff socket got a renewed token of the same member ({@code auth} again): it now
     * ends when that token expires, and hears {@code auth.ok} again. Nothing else changes: the
     * chats it follows stay followed, so the client misses nothing and gets nothing twice.
     */
    public Mono<Void> renewed(ClientConnection connection, Principal.StaffMember renewed) {
        endsWithItsToken(connection, renewed);
        return staff.account(renewed.staff().id())
                .doOnNext(
                        account ->
                                connection.send(
                                        new ServerFrame.AuthOk(
                                                null, StaffDirectory.profileOf(account))))
                .then();
    }

    /**
     * A visitor follows its own session from where it is now (its resume asks for the past) and
     * learns how the session stands. What is said before its resume waits for it, so the resume
     * gets everything in order and once ({@link ClientConnection#attachUntilResumed}).
     */
    private Mono<Void> joinVisitor(ClientConnection connection, UUID sessionId) {
        return visitors.seen(sessionId)
                .then(sessions.overview(sessionId))
                .doOnNext(
                        s -> {
                            connection.attachUntilResumed(
                                    s.id(),
                                    s.lastSeq(),
                                    RESUME_GRACE,
                                    after -> missed.apply(s.id(), after));
                            connection.emit(
                                    new ServerFrame.SessionUpdated(
                                            s.id(),
                                            s.status(),
                                            StaffSessionWire.agentForVisitor(s),
                                            s.closeReason(),
                                            null));
                        })
                .then();
    }

    /**
     * A staff socket first follows the member's chats, then gets {@code auth.ok}: a client that
     * acts on {@code auth.ok} (or a visitor who writes just then) must find every later frame of
     * those chats delivered, not lost to a socket that was not following them yet. A message stored
     * after the chats were read but dispatched before they were followed is caught up right after
     * (overseers need no catching up: every chat's messages are queued for them from the start). If
     * the chats cannot be read, the socket closes (1011) and the client reconnects.
     */
    private Mono<Void> joinStaff(ClientConnection connection, Principal.StaffMember member) {
        return staff.account(member.staff().id())
                .flatMap(
                        account ->
                                sessions.activeChatsOf(member.staff())
                                        .flatMap(
                                                active ->
                                                        follow(
                                                                connection,
                                                                member,
                                                                account,
                                                                active)))
                .onErrorResume(
                        failure -> {
                            log.warn("Could not sign in a staff socket; closing it", failure);
                            connection.closeWith(CLOSE_SERVER_ERROR);
                            return Mono.empty();
                        });
    }

    /** Follows the chats, says {@code auth.ok}, then sends what was stored meanwhile. */
    private Mono<Void> follow(
            ClientConnection connection,
            Principal.StaffMember member,
            StaffAccount account,
            List<SessionOverview> active) {
        active.forEach(s -> connection.attach(s.id(), s.lastSeq()));
        connection.emit(new ServerFrame.AuthOk(null, StaffDirectory.profileOf(account)));
        if (member.staff().overseesAllChats()) {
            // overseers get every chat's messages anyway
            return Mono.empty();
        }
        return Flux.fromIterable(active)
                .concatMap(s -> missed.apply(s.id(), s.lastSeq()))
                .doOnNext(connection::catchUp)
                .then();
    }

    public Mono<Void> closed(ClientConnection connection) {
        registry.remove(connection);
        connection.close();
        if (connection.principal() instanceof Principal.Visitor visitor) {
            UUID sessionId = visitor.sessionId();
            return visitors.seen(sessionId)
                    .then(lastSocketGone(sessionId))
                    .onErrorResume(e -> Mono.empty());
        }
        return Mono.empty();
    }

    /**
     * A visitor who closes the tab mid-sentence never sends "stopped typing": once its last socket
     * on this node is gone, staff are told so. (Another tab still open keeps repeating "typing"
     * every few seconds, so a false "stopped" there lasts a moment at most.)
     */
    private Mono<Void> lastSocketGone(UUID sessionId) {
        return registry.visitorsOf(sessionId).isEmpty()
                ? visitorLeft.apply(sessionId)
                : Mono.empty();
    }
}
