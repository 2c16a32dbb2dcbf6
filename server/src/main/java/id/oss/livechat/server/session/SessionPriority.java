package id.oss.livechat.server.session;

import id.oss.livechat.model.Priority;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Staff set a chat's priority, which orders its queue: visitors may only ask for {@code normal} or
 * less (a verified OSS user for {@code high}), so raising a chat is the desk's call. Whoever may
 * open the chat may do it: an agent of its department or its own agent, a supervisor, an admin.
 */
public class SessionPriority {
    private final SessionRepository sessions;
    private final StaffSessions staffSessions;
    private final ChatEventBus bus;

    public SessionPriority(
            SessionRepository sessions, StaffSessions staffSessions, ChatEventBus bus) {
        this.sessions = sessions;
        this.staffSessions = staffSessions;
        this.bus = bus;
    }

    public Mono<SessionOverview> set(Staff who, UUID sessionId, Priority priority) {
        FieldCheck.of().requiredPresent("priority", priority).orThrow();
        return staffSessions
                .get(who, sessionId)
                .then(sessions.setPriority(sessionId, priority))
                .switchIfEmpty(
                        Mono.error(
                                Problem.conflict(
                                        "session_closed",
                                        "This chat is closed; its priority no longer matters.")))
                .flatMap(this::announce)
                .then(staffSessions.get(who, sessionId));
    }

    /**
     * Queues reorder (staff queue views, visitors' positions); staff following it see the change.
     */
    private Mono<Void> announce(ChatSession changed) {
        return bus.publish(new ChatEvent.QueueChanged(changed.departmentId()))
                .then(bus.publish(new ChatEvent.VisitorChanged(changed.id(), changed.agentId())));
    }
}
