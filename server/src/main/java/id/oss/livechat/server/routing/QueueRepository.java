package id.oss.livechat.server.routing;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** Read side of the queue: positions and capacity. */
public interface QueueRepository {
    /** 1-based position of a waiting session in its department's queue; empty if not waiting. */
    Mono<Integer> positionOf(UUID sessionId);

    Mono<DepartmentCapacity> capacityOf(UUID departmentId);
}
