package id.oss.livechat.server.routing;

import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.server.agent.StaffAccount;
import id.oss.livechat.server.agent.StaffDirectory;
import id.oss.livechat.server.agent.StaffRepository;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/chat/assign}: an agent takes a waiting chat of its department for itself, a
 * supervisor assigns one to any agent, or, without an agent, routing picks one. Every path ends in
 * the same atomic claim, so limits hold and nobody takes a chat twice.
 */
public class Assignments {
    private final RoutingRepository routing;
    private final StaffRepository staff;
    private final Router router;

    public Assignments(RoutingRepository routing, StaffRepository staff, Router router) {
        this.routing = routing;
        this.staff = staff;
        this.router = router;
    }

    /**
     * @return the agent the session now belongs to
     */
    public Mono<UUID> assign(Staff who, UUID sessionId, UUID agentId) {
        if (sessionId == null) {
            return Mono.error(Problem.invalidField("session_id", "is required"));
        }
        return routing.sessionState(sessionId)
                .switchIfEmpty(Mono.error(Problem.notFound("The session")))
                .flatMap(
                        session -> {
                            if (session.status() != SessionStatus.WAITING) {
                                return Mono.error(notWaiting());
                            }
                            return agentId == null
                                    ? automatically(who, session)
                                    : manually(who, session, agentId);
                        });
    }

    private Mono<UUID> automatically(Staff who, RoutingRepository.SessionState session) {
        Mono<Void> allowed =
                who.overseesAllChats()
                        ? Mono.empty()
                        : requireMember(who.id(), session.departmentId());
        return allowed.then(router.isOpen(session.departmentId()))
                .flatMap(
                        open ->
                                open
                                        ? router.assignAutomatically(
                                                session.sessionId(),
                                                session.departmentId(),
                                                session.previousAgentId(),
                                                session.queuedAt())
                                        : Mono.error(departmentClosed()))
                .switchIfEmpty(
                        Mono.error(
                                Problem.conflict(
                                        "no_agent_available",
                                        "No online agent of this department has a free slot; the chat stays in the queue.")));
    }

    private Mono<UUID> manually(Staff who, RoutingRepository.SessionState session, UUID agentId) {
        boolean forSelf = agentId.equals(who.id());
        if (!forSelf && !who.overseesAllChats()) {
            return Mono.error(
                    Problem.forbidden(
                            "Agents take chats for themselves; a supervisor assigns them to others."));
        }
        return staff.findById(agentId)
                .filter(StaffAccount::active)
                .switchIfEmpty(Mono.error(Problem.notFound("The agent")))
                .flatMap(
                        target -> {
                            if (!StaffDirectory.takesChats(target.role())) {
                                return Mono.error(
                                        Problem.conflict(
                                                "agent_cannot_take_chats",
                                                "Admins do not take chats."));
                            }
                            if (!forSelf && !StaffDirectory.isHandedChats(target.role())) {
                                return Mono.error(
                                        Problem.conflict(
                                                "agent_cannot_take_chats",
                                                "Supervisors take chats only by their own choice; assign the chat to an agent."));
                            }
                            if (forSelf
                                    && !who.overseesAllChats()
                                    && !target.belongsTo(session.departmentId())) {
                                return Mono.error(
                                        Problem.forbidden(
                                                "This chat waits in a department you do not serve."));
                            }
                            if (!forSelf && target.status() == AgentStatus.OFFLINE) {
                                return Mono.error(
                                        Problem.conflict(
                                                "agent_offline",
                                                target.displayName() + " is offline."));
                            }
                            // taken by hand: the agent chose it, so the unanswered timeout does
                            // not pull it back while the agent is online
                            return router.claim(
                                    session.sessionId(),
                                    agentId,
                                    session.departmentId(),
                                    session.queuedAt(),
                                    forSelf);
                        })
                .flatMap(
                        result ->
                                switch (result) {
                                    case OK -> Mono.just(agentId);
                                    case AGENT_FULL ->
                                            Mono.error(
                                                    Problem.conflict(
                                                            "agent_at_capacity",
                                                            "The agent already has as many chats as allowed."));
                                    case NO_AGENT -> Mono.error(Problem.notFound("The agent"));
                                    case NOT_WAITING -> Mono.error(notWaiting());
                                });
    }

    private Mono<Void> requireMember(UUID agentId, UUID departmentId) {
        return staff.findById(agentId)
                .filter(a -> a.belongsTo(departmentId))
                .switchIfEmpty(
                        Mono.error(
                                Problem.forbidden(
                                        "This chat waits in a department you do not serve.")))
                .then();
    }

    /** Routing hands out nothing outside opening hours; staff may still take a chat by hand. */
    static Problem departmentClosed() {
        return Problem.conflict(
                "department_closed",
                "The department is closed now (opening hours): routing hands out its chats when it"
                        + " opens; an agent may take one by hand.");
    }

    static Problem notWaiting() {
        return Problem.conflict(
                "session_not_waiting", "This chat is no longer waiting: it was taken or closed.");
    }
}
