package id.oss.livechat.server.routing;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** Tells a waiting visitor where they stand and how long it should take. */
public class QueueStatus {
    private final QueueRepository queue;

    public QueueStatus(QueueRepository queue) {
        this.queue = queue;
    }

    /** Empty when the session is not waiting. */
    public Mono<QueuePlace> placeOf(UUID sessionId, UUID departmentId) {
        return queue.positionOf(sessionId)
                .zipWith(queue.capacityOf(departmentId))
                .map(
                        both ->
                                new QueuePlace(
                                        both.getT1(),
                                        WaitEstimate.seconds(both.getT1(), both.getT2()),
                                        both.getT2().agentsOnline()));
    }
}
