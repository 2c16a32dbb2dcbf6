package id.oss.livechat.server.routing;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** Read side of the queue: positions and capacity. */
public interface QueueRepository {
    /** 1-based position of a waiting session in its department's queue; empty if not waiting. */
    Mono<Integer> positionOf(UUID sessionId);

    /** A department's online agents, their chat slots, and how many of those are taken now. */
    Mono<Staffing> staffingOf(UUID departmentId);

    record Staffing(int agentsOnline, int slots, int busySlots) {}

    /**
     * How long the department's chats lasted on average (assigned to closed) over the last seven
     * days; empty when none closed.
     */
    Mono<Double> averageHandleSeconds(UUID departmentId);

    /** A waiting session's place: its department and 1-based position there. */
    record Position(UUID sessionId, UUID departmentId, int position) {}

    /** The positions of those of these sessions that are waiting, in one query. */
    reactor.core.publisher.Flux<Position> positionsOf(java.util.List<UUID> sessionIds);
}
