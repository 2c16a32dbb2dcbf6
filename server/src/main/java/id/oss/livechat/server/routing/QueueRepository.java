package id.oss.livechat.server.routing;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** Read side of the queue: positions and capacity. */
public interface QueueRepository {
    /** 1-based position of a waiting session in its department's queue; empty if not waiting. */
    Mono<Integer> positionOf(UUID sessionId);

    Mono<DepartmentCapacity> capacityOf(UUID departmentId);

    /** A waiting session's place: its department and 1-based position there. */
    record Position(UUID sessionId, UUID departmentId, int position) {}

    /** The positions of those of these sessions that are waiting, in one query. */
    reactor.core.publisher.Flux<Position> positionsOf(java.util.List<UUID> sessionIds);
}
