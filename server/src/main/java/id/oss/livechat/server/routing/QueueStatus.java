package id.oss.livechat.server.routing;

import id.oss.livechat.server.hours.DepartmentOpening;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Tells a waiting visitor where they stand and how long it should take. While the department is
 * closed by its opening hours nobody can promise a time: the expected wait is null, as with nobody
 * online.
 */
public class QueueStatus {
    private final QueueRepository queue;
    private final DepartmentOpening opening;
    private final HandleTimes handleTimes;

    public QueueStatus(QueueRepository queue) {
        this(queue, DepartmentOpening.ALWAYS);
    }

    public QueueStatus(QueueRepository queue, DepartmentOpening opening) {
        this(queue, opening, System::nanoTime);
    }

    /** {@code nanoTime}: the clock that says when a department's handle time is read again. */
    QueueStatus(
            QueueRepository queue,
            DepartmentOpening opening,
            java.util.function.LongSupplier nanoTime) {
        this.queue = queue;
        this.opening = opening;
        this.handleTimes = new HandleTimes(queue, nanoTime);
    }

    /** The department's capacity as a visitor may count on it: none while it is closed. */
    private Mono<DepartmentCapacity> capacityOf(UUID departmentId) {
        return Mono.zip(
                        queue.staffingOf(departmentId),
                        handleTimes.of(departmentId),
                        opening.isOpenNow(departmentId))
                .map(
                        all -> {
                            QueueRepository.Staffing staffing = all.getT1();
                            DepartmentCapacity capacity =
                                    new DepartmentCapacity(
                                            staffing.agentsOnline(),
                                            staffing.slots(),
                                            staffing.busySlots(),
                                            all.getT2());
                            return all.getT3() ? capacity : capacity.closed();
                        });
    }

    /**
     * Places of many sessions at once (those not waiting are left out): one query for the positions
     * and one per department for its capacity.
     */
    public Mono<java.util.Map<UUID, QueuePlace>> placesOf(java.util.List<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Mono.just(java.util.Map.of());
        }
        return queue.positionsOf(sessionIds)
                .collectList()
                .flatMap(
                        positions ->
                                reactor.core.publisher.Flux.fromIterable(
                                                positions.stream()
                                                        .map(QueueRepository.Position::departmentId)
                                                        .distinct()
                                                        .toList())
                                        .flatMap(
                                                department ->
                                                        capacityOf(department)
                                                                .map(
                                                                        capacity ->
                                                                                java.util.Map.entry(
                                                                                        department,
                                                                                        capacity)))
                                        .collectMap(
                                                java.util.Map.Entry::getKey,
                                                java.util.Map.Entry::getValue)
                                        .map(
                                                capacities -> {
                                                    java.util.Map<UUID, QueuePlace> places =
                                                            new java.util.HashMap<>();
                                                    for (QueueRepository.Position p : positions) {
                                                        DepartmentCapacity capacity =
                                                                capacities.get(p.departmentId());
                                                        places.put(
                                                                p.sessionId(),
                                                                new QueuePlace(
                                                                        p.position(),
                                                                        WaitEstimate.seconds(
                                                                                p.position(),
                                                                                capacity),
                                                                        capacity.agentsOnline()));
                                                    }
                                                    return places;
                                                }));
    }

    /** Empty when the session is not waiting. */
    public Mono<QueuePlace> placeOf(UUID sessionId, UUID departmentId) {
        return queue.positionOf(sessionId)
                .zipWith(capacityOf(departmentId))
                .map(
                        both ->
                                new QueuePlace(
                                        both.getT1(),
                                        WaitEstimate.seconds(both.getT1(), both.getT2()),
                                        both.getT2().agentsOnline()));
    }
}
