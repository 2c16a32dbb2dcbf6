package id.oss.livechat.server.realtime;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.agent.StaffDirectory;
import id.oss.livechat.server.agent.StaffRepository;
import id.oss.livechat.server.session.SessionRepository;
import id.oss.livechat.server.session.StaffSessionQuery;
import reactor.core.publisher.Mono;

/**
 * What happens when a socket signs in and when it goes: registration, the first frames a client
 * needs (who it is, its session's state, the queue), and letting go.
 */
public class SocketSessions {
    private final ConnectionRegistry registry;
    private final SessionRepository sessions;
    private final StaffRepository staff;
    private final QueueBroadcaster queue;

    public SocketSessions(
            ConnectionRegistry registry,
            SessionRepository sessions,
            StaffRepository staff,
            QueueBroadcaster queue) {
        this.registry = registry;
        this.sessions = sessions;
        this.staff = staff;
        this.queue = queue;
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
            // a visitor follows its own session from where it is now; its resume asks for the past
            connection.enqueue(
                    sessions.touchVisitor(visitor.sessionId())
                            .then(sessions.staffSession(visitor.sessionId()))
                            .doOnNext(
                                    s -> {
                                        connection.attach(s.sessionId(), s.lastSeq());
                                        connection.emit(
                                                new ServerFrame.SessionUpdated(
                                                        s.sessionId(),
                                                        s.status(),
                                                        s.agent() == null
                                                                ? null
                                                                : s.agent().nameOnly(),
                                                        s.closeReason(),
                                                        null));
                                    })
                            .then());
            queue.sendPositionTo(connection, visitor.sessionId());
        } else if (connection.principal() instanceof Principal.StaffMember member) {
            connection.enqueue(
                    staff.findById(member.staff().id())
                            .doOnNext(
                                    account ->
                                            connection.emit(
                                                    new ServerFrame.AuthOk(
                                                            null,
                                                            StaffDirectory.profileOf(account))))
                            .then(
                                    sessions.staffSessions(
                                            new StaffSessionQuery(
                                                    SessionStatus.ACTIVE,
                                                    null,
                                                    member.staff().overseesAllChats()
                                                            ? null
                                                            : member.staff().id(),
                                                    null,
                                                    1000,
                                                    0)))
                            .doOnNext(
                                    active ->
                                            active.forEach(
                                                    s ->
                                                            connection.attach(
                                                                    s.sessionId(), s.lastSeq())))
                            .then());
            queue.sendQueueTo(connection);
        }
    }

    public Mono<Void> closed(ClientConnection connection) {
        registry.remove(connection);
        connection.close();
        if (connection.principal() instanceof Principal.Visitor visitor) {
            return sessions.touchVisitor(visitor.sessionId()).onErrorResume(e -> Mono.empty());
        }
        return Mono.empty();
    }
}
