package id.oss.livechat.server.session;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.routing.Router;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/oss-chat/session/:id/close}: the visitor ends the chat, or leaves the queue,
 * with the session's own token. Staff hear it as a close with reason {@value #VISITOR_ENDED}; the
 * queue or the agent's freed slot is dealt with as for any other close.
 */
public class VisitorEndsChat {
    public static final String VISITOR_ENDED = "visitor_ended";

    private final VisitorAccess access;
    private final SessionRepository sessions;
    private final Router router;
    private final ChatEventBus bus;

    public VisitorEndsChat(
            VisitorAccess access, SessionRepository sessions, Router router, ChatEventBus bus) {
        this.access = access;
        this.sessions = sessions;
        this.router = router;
        this.bus = bus;
    }

    public Mono<UUID> end(UUID sessionId, String token) {
        return access.authorize(sessionId, token)
                .flatMap(this::closeIfOpen)
                .flatMap(this::announce)
                .thenReturn(sessionId);
    }

    private Mono<SessionRepository.Closed> closeIfOpen(ChatSession session) {
        return sessions.close(session.id(), null, VISITOR_ENDED)
                // closed already, by an agent, a timeout or another tab
                .switchIfEmpty(
                        Mono.error(
                                Problem.conflict(
                                        "session_closed", "This chat is already closed.")));
    }

    /** Tells every node's sockets, then fills the freed place: the queue or the agent's slot. */
    private Mono<Void> announce(SessionRepository.Closed closed) {
        Mono<Void> refill =
                closed.previousStatus() == SessionStatus.WAITING
                        ? bus.publish(new ChatEvent.QueueChanged(closed.departmentId()))
                        : router.routeDepartment(closed.departmentId());
        return bus.publish(
                        new ChatEvent.SessionChanged(
                                closed.sessionId(),
                                SessionStatus.CLOSED,
                                closed.agentId(),
                                null,
                                closed.departmentId(),
                                VISITOR_ENDED))
                .then(refill);
    }
}
