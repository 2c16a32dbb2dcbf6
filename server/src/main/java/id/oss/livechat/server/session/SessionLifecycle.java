package id.oss.livechat.server.session;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.staff.TransferRequest;
import id.oss.livechat.server.agent.DepartmentRepository;
import id.oss.livechat.server.agent.StaffAccount;
import id.oss.livechat.server.agent.StaffDirectory;
import id.oss.livechat.server.agent.StaffRepository;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.common.Texts;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.routing.Router;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Staff ending and handing over chats. An agent acts on its own chats; supervisors and admins on
 * any. Every change frees or takes a slot, so routing runs after it.
 */
public class SessionLifecycle {
    public static final String CLOSED_BY_AGENT = "resolved";

    private final SessionRepository sessions;
    private final StaffRepository staff;
    private final DepartmentRepository departments;
    private final StaffNotes notes;
    private final Router router;
    private final ChatEventBus bus;

    public SessionLifecycle(
            SessionRepository sessions,
            StaffRepository staff,
            DepartmentRepository departments,
            StaffNotes notes,
            Router router,
            ChatEventBus bus) {
        this.sessions = sessions;
        this.staff = staff;
        this.departments = departments;
        this.notes = notes;
        this.router = router;
        this.bus = bus;
    }

    /** {@code POST /api/chat/close}. */
    public Mono<UUID> close(Staff who, UUID sessionId, String reason) {
        String why = Texts.clean(reason);
        FieldCheck.of().requiredPresent("session_id", sessionId).line("reason", why, 255).orThrow();
        return sessions.findById(sessionId)
                .switchIfEmpty(Mono.error(Problem.notFound("The session")))
                .flatMap(
                        session -> {
                            if (session.isClosed()) {
                                return Mono.error(
                                        Problem.conflict(
                                                "session_closed", "This chat is already closed."));
                            }
                            if (!who.overseesAllChats()
                                    && (session.status() != SessionStatus.ACTIVE
                                            || !who.id().equals(session.agentId()))) {
                                return Mono.error(
                                        Problem.forbidden(
                                                "Agents close their own active chats; a supervisor closes others."));
                            }
                            return sessions.close(
                                            sessionId,
                                            who.id(),
                                            why == null ? CLOSED_BY_AGENT : why)
                                    .switchIfEmpty(
                                            Mono.error(
                                                    Problem.conflict(
                                                            "session_closed",
                                                            "This chat is already closed.")));
                        })
                .flatMap(
                        closed ->
                                bus.publish(
                                                new ChatEvent.SessionChanged(
                                                        closed.sessionId(),
                                                        SessionStatus.CLOSED,
                                                        closed.agentId(),
                                                        null,
                                                        closed.departmentId(),
                                                        why == null ? CLOSED_BY_AGENT : why))
                                        .then(
                                                closed.previousStatus() == SessionStatus.WAITING
                                                        ? bus.publish(
                                                                new ChatEvent.QueueChanged(
                                                                        closed.departmentId()))
                                                        : router.routeDepartment(
                                                                closed.departmentId()))
                                        .thenReturn(closed.sessionId()));
    }

    /** {@code POST /api/chat/transfer}: to another agent, or back to a department's queue. */
    public Mono<UUID> transfer(Staff who, TransferRequest request) {
        String note = Texts.clean(request.note());
        FieldCheck.of()
                .requiredPresent("session_id", request.sessionId())
                .rule(
                        (request.agentId() == null) != (request.departmentId() == null),
                        "agent_id",
                        "give exactly one of agent_id and department_id")
                .optional("note", note, 1000)
                .orThrow();
        return sessions.findById(request.sessionId())
                .switchIfEmpty(Mono.error(Problem.notFound("The session")))
                .flatMap(
                        session -> {
                            if (session.status() != SessionStatus.ACTIVE) {
                                return Mono.error(
                                        Problem.conflict(
                                                "session_not_active",
                                                "Only a chat in progress can be transferred."));
                            }
                            if (!who.overseesAllChats() && !who.id().equals(session.agentId())) {
                                return Mono.error(
                                        Problem.forbidden(
                                                "Agents transfer their own chats; a supervisor transfers others."));
                            }
                            return request.agentId() != null
                                    ? toAgent(who, session, request.agentId(), note)
                                    : toDepartment(who, session, request.departmentId(), note);
                        });
    }

    private Mono<UUID> toAgent(Staff who, ChatSession session, UUID agentId, String note) {
        return staff.findById(agentId)
                .filter(StaffAccount::active)
                // chats are handed to agents only: supervisors and admins take chats by their own
                // choice
                .filter(target -> StaffDirectory.isHandedChats(target.role()))
                .switchIfEmpty(Mono.error(Problem.notFound("The agent")))
                .flatMap(
                        target ->
                                sessions.transferToAgent(session.id(), agentId)
                                        .flatMap(
                                                result ->
                                                        switch (result) {
                                                            case OK ->
                                                                    notes.transferred(
                                                                                    session.id(),
                                                                                    who
                                                                                            .displayName(),
                                                                                    target
                                                                                            .displayName(),
                                                                                    note)
                                                                            .then(
                                                                                    bus.publish(
                                                                                            new ChatEvent
                                                                                                    .SessionChanged(
                                                                                                    session
                                                                                                            .id(),
                                                                                                    SessionStatus
                                                                                                            .ACTIVE,
                                                                                                    agentId,
                                                                                                    session
                                                                                                            .agentId(),
                                                                                                    session
                                                                                                            .departmentId(),
                                                                                                    null)))
                                                                            .then(
                                                                                    router
                                                                                            .routeDepartment(
                                                                                                    session
                                                                                                            .departmentId()))
                                                                            .thenReturn(
                                                                                    session.id());
                                                            case AGENT_FULL ->
                                                                    Mono.error(
                                                                            Problem.conflict(
                                                                                    "agent_at_capacity",
                                                                                    target
                                                                                                    .displayName()
                                                                                            + " already has as many chats as allowed."));
                                                            case NO_AGENT ->
                                                                    Mono.error(
                                                                            Problem.notFound(
                                                                                    "The agent"));
                                                            case NOT_ACTIVE ->
                                                                    Mono.error(
                                                                            Problem.conflict(
                                                                                    "session_not_active",
                                                                                    "The chat is no longer in progress, or already with that agent."));
                                                        }));
    }

    private Mono<UUID> toDepartment(
            Staff who, ChatSession session, UUID departmentId, String note) {
        return departments
                .findById(departmentId)
                .filter(d -> d.active())
                .switchIfEmpty(Mono.error(Problem.notFound("The department")))
                .flatMap(
                        department ->
                                sessions.transferToDepartment(session.id(), departmentId)
                                        .flatMap(
                                                moved ->
                                                        moved
                                                                ? notes.transferred(
                                                                                session.id(),
                                                                                who.displayName(),
                                                                                department.name(),
                                                                                note)
                                                                        .then(
                                                                                bus.publish(
                                                                                        new ChatEvent
                                                                                                .SessionChanged(
                                                                                                session
                                                                                                        .id(),
                                                                                                SessionStatus
                                                                                                        .WAITING,
                                                                                                null,
                                                                                                session
                                                                                                        .agentId(),
                                                                                                departmentId,
                                                                                                null)))
                                                                        .then(
                                                                                bus.publish(
                                                                                        new ChatEvent
                                                                                                .QueueChanged(
                                                                                                departmentId)))
                                                                        .then(
                                                                                router
                                                                                        .routeDepartment(
                                                                                                departmentId))
                                                                        .then(
                                                                                router
                                                                                        .routeDepartment(
                                                                                                session
                                                                                                        .departmentId()))
                                                                        .thenReturn(session.id())
                                                                : Mono.error(
                                                                        Problem.conflict(
                                                                                "session_not_active",
                                                                                "The chat is no longer in progress."))));
    }
}
