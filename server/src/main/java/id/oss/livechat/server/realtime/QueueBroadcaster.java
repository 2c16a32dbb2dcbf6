package id.oss.livechat.server.realtime;

import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.server.routing.QueuePlace;
import id.oss.livechat.server.routing.QueueStatus;
import id.oss.livechat.server.session.StaffSessionWire;
import id.oss.livechat.server.session.StaffSessions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Keeps staff queue views and waiting visitors' positions current. Queue changes come in bursts (a
 * busy minute starts many chats); they are coalesced, and at most every {@link #COALESCE} the queue
 * is read once and sent to every staff socket and waiting visitor here.
 */
public class QueueBroadcaster {
    private static final Logger log = LoggerFactory.getLogger(QueueBroadcaster.class);
    static final Duration COALESCE = Duration.ofMillis(250);

    /** What a staff socket's queue view shows; the REST list pages further. */
    public static final int QUEUE_VIEW_LIMIT = 100;

    private final ConnectionRegistry registry;
    private final StaffSessions sessions;
    private final QueueStatus queueStatus;
    private final Sinks.Many<Boolean> changes = Sinks.many().multicast().directBestEffort();
    private Disposable running;

    public QueueBroadcaster(
            ConnectionRegistry registry, StaffSessions sessions, QueueStatus queueStatus) {
        this.registry = registry;
        this.sessions = sessions;
        this.queueStatus = queueStatus;
    }

    public void start() {
        running =
                coalesced(changes.asFlux(), COALESCE, this::refresh)
                        .subscribe(
                                null,
                                e ->
                                        log.error(
                                                "Queue views stopped refreshing; restart the node",
                                                e));
    }

    /**
     * At most one refresh per {@code every}, one at a time, and one after the last change. A
     * refresh slower than {@code every} must not overflow the sampling: an overflow would end the
     * whole pipeline, and this node's queue views would freeze until it restarted. Changes
     * meanwhile wait for the next refresh.
     */
    static Flux<Void> coalesced(
            Flux<Boolean> changes, Duration every, Supplier<Mono<Void>> refresh) {
        return changes.onBackpressureDrop()
                .sample(every)
                .onBackpressureLatest()
                .concatMap(
                        tick ->
                                refresh.get()
                                        .onErrorResume(
                                                e -> {
                                                    log.warn(
                                                            "Could not refresh the queue views", e);
                                                    return Mono.empty();
                                                }),
                        1);
    }

    public void stop() {
        if (running != null) {
            running.dispose();
        }
    }

    public void refreshSoon() {
        synchronized (changes) {
            changes.tryEmitNext(Boolean.TRUE);
        }
    }

    Mono<Void> refresh() {
        // one read per distinct view (usually a handful: one per department and one for all)
        Map<Optional<List<UUID>>, List<ClientConnection>> byView =
                registry.allStaff()
                        .collect(
                                Collectors.groupingBy(
                                        QueueBroadcaster::viewOf,
                                        java.util.LinkedHashMap::new,
                                        Collectors.toList()));
        Mono<Void> staff =
                Flux.fromIterable(byView.entrySet())
                        .concatMap(
                                view ->
                                        waitingQueue(view.getKey())
                                                .doOnNext(
                                                        waiting -> {
                                                            ServerFrame frame =
                                                                    new ServerFrame.QueueUpdated(
                                                                            waiting);
                                                            view.getValue()
                                                                    .forEach(c -> c.send(frame));
                                                        }))
                        .then();
        List<UUID> visitorSessions = registry.sessionsWithVisitors();
        Mono<Void> visitors =
                visitorSessions.isEmpty()
                        ? Mono.empty()
                        : queueStatus
                                .placesOf(visitorSessions)
                                .doOnNext(
                                        places ->
                                                places.forEach(
                                                        (sessionId, place) ->
                                                                registry.visitorsOf(sessionId)
                                                                        .forEach(
                                                                                c ->
                                                                                        c.send(
                                                                                                positionFrame(
                                                                                                        sessionId,
                                                                                                        place)))))
                                .then();
        return staff.then(visitors);
    }

    /** A staff socket's first view of the queue, right after it signs in. */
    public void sendQueueTo(ClientConnection connection) {
        connection.enqueue(
                waitingQueue(viewOf(connection))
                        .doOnNext(waiting -> connection.emit(new ServerFrame.QueueUpdated(waiting)))
                        .then());
    }

    /** A waiting visitor's place, right after its socket signs in. */
    public void sendPositionTo(ClientConnection connection, UUID sessionId) {
        connection.enqueue(
                queueStatus
                        .placesOf(List.of(sessionId))
                        .doOnNext(
                                places -> {
                                    QueuePlace place = places.get(sessionId);
                                    if (place != null) {
                                        connection.emit(positionFrame(sessionId, place));
                                    }
                                })
                        .then());
    }

    /**
     * The first {@link #QUEUE_VIEW_LIMIT} waiting chats of the given departments (all if empty).
     */
    private Mono<List<StaffSession>> waitingQueue(Optional<List<UUID>> departments) {
        return sessions.firstWaiting(departments.orElse(null), QUEUE_VIEW_LIMIT)
                .map(StaffSessionWire::of);
    }

    /** Which departments' queue a staff socket sees: its own, or (overseers) all of them. */
    private static Optional<List<UUID>> viewOf(ClientConnection connection) {
        if (connection.principal() instanceof Principal.StaffMember member
                && !member.staff().overseesAllChats()) {
            return Optional.of(member.departmentIds().stream().sorted().toList());
        }
        return Optional.empty();
    }

    private static ServerFrame positionFrame(UUID sessionId, QueuePlace place) {
        return new ServerFrame.QueuePosition(
                sessionId, place.position(), place.expectedWaitSeconds(), place.agentsOnline());
    }
}
