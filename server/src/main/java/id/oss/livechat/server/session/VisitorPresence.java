package id.oss.livechat.server.session;

import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * A visitor is present while its widget is open: a socket, a request. Each sign of life keeps a
 * waiting session from being closed as abandoned; closed sessions are left alone.
 */
public class VisitorPresence {
    private final SessionRepository sessions;

    public VisitorPresence(SessionRepository sessions) {
        this.sessions = sessions;
    }

    /** The session's visitor was seen just now. */
    public Mono<Void> seen(UUID sessionId) {
        return sessions.touchVisitor(sessionId);
    }

    /** The visitors of these sessions are connected (the sockets this node holds). */
    public Mono<Void> present(List<UUID> sessionIds) {
        return sessions.touchVisitors(sessionIds);
    }
}
