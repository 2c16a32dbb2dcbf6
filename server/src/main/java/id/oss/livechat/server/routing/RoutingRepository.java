package id.oss.livechat.server.routing;

import id.oss.livechat.model.SessionStatus;
import java.time.Duration;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The queue and agents as routing needs them, and the atomic claim. */
public interface RoutingRepository {
    /** A department's waiting sessions, in queue order. */
    Flux<RoutingPolicy.Waiting> waiting(UUID departmentId, int limit);

    /**
     * Online, active agents of the department, with their loads: role {@code agent} only, since
     * supervisors and admins are never handed chats.
     */
    Flux<RoutingPolicy.Candidate> candidates(UUID departmentId);

    /**
     * Atomically: the session becomes the agent's, unless taken or the agent is full. {@code
     * byHand}: the agent took it itself (any role that takes chats; the unanswered timeout then
     * spares it while the agent is online); otherwise only role {@code agent} may get it.
     */
    Mono<ClaimResult> claim(UUID sessionId, UUID agentId, boolean byHand);

    /** One pair of a plan and how its claim went. */
    record Claimed(UUID sessionId, UUID agentId, ClaimResult result) {}

    /**
     * Claims a whole plan in one atomic call, each pair by the rules of {@link #claim}; a pair that
     * fails does not undo the others.
     */
    Flux<Claimed> claimAll(java.util.List<RoutingPolicy.Assignment> plan);

    Flux<UUID> departmentsWithWaiting();

    Flux<UUID> departmentsOf(UUID agentId);

    /** Where a session stands, for assignment checks. */
    record SessionState(
            UUID sessionId,
            SessionStatus status,
            UUID departmentId,
            UUID agentId,
            UUID previousAgentId,
            java.time.Instant queuedAt) {}

    Mono<SessionState> sessionState(UUID sessionId);

    /**
     * A session an unanswering agent lost; it waits again in its department. A chat the agent took
     * by hand is spared while that agent is online.
     */
    record Requeued(UUID sessionId, UUID departmentId, UUID previousAgentId) {}

    Flux<Requeued> requeueUnanswered(Duration after);

    /** A waiting session closed because its visitor left without writing. */
    record Abandoned(UUID sessionId, UUID departmentId) {}

    /** Closes the waiting sessions whose visitor left {@code after} ago and wrote nothing. */
    Flux<Abandoned> closeAbandoned(Duration after);

    /** A waiting session whose visitor wrote and then left: a left message, still waiting. */
    record LeftMessage(UUID sessionId, UUID departmentId) {}

    /**
     * Marks the waiting sessions whose visitor wrote something and left {@code after} ago (once
     * each): they stay in the queue for an agent.
     */
    Flux<LeftMessage> markLeftMessages(Duration after);
}
