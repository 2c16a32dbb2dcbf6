package id.oss.livechat.server.session;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.server.agent.StaffAccount;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.routing.Router;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * An agent went offline (signed out, closed the app) with chats still open: each goes back to its
 * department's queue, keeping its place by age, with a staff-only note naming who left, and is
 * offered to the agents still online. Done on the server, so it holds whichever client signed out.
 */
public class SignOutHandover {
    private final SessionRepository sessions;
    private final StaffNotes notes;
    private final Router router;
    private final ChatEventBus bus;

    public SignOutHandover(
            SessionRepository sessions, StaffNotes notes, Router router, ChatEventBus bus) {
        this.sessions = sessions;
        this.notes = notes;
        this.router = router;
        this.bus = bus;
    }

    public Mono<Void> returnChatsOf(StaffAccount agent) {
        return sessions.returnChatsOf(agent.id())
                .concatMap(
                        returned -> announce(returned, agent).thenReturn(returned.departmentId()))
                .distinct()
                .concatMap(this::offerToOthers)
                .then();
    }

    private Mono<Void> announce(SessionRepository.Returned returned, StaffAccount agent) {
        return notes.signedOut(returned.sessionId(), agent.displayName())
                .then(
                        bus.publish(
                                new ChatEvent.SessionChanged(
                                        returned.sessionId(),
                                        SessionStatus.WAITING,
                                        null,
                                        agent.id(),
                                        returned.departmentId(),
                                        null)));
    }

    private Mono<Void> offerToOthers(UUID departmentId) {
        return bus.publish(new ChatEvent.QueueChanged(departmentId))
                .then(router.routeDepartment(departmentId));
    }
}
