package id.oss.livechat.server.routing;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The queue's housekeeping. A waiting session whose visitor is gone is closed as abandoned, unless
 * the visitor wrote something: then it is a left message, marked so, and waits for an agent, whose
 * reply reaches the visitor by mail and on return. An assignment that no agent answered in time
 * goes back to the queue, keeping its place by age, and is offered to another agent first.
 */
public class SessionTimeouts {
    public static final String ABANDONED = "abandoned";
    public static final String UNANSWERED = "unanswered";

    private final RoutingRepository repository;
    private final Router router;
    private final ChatEventBus bus;
    private final Duration abandonAfter;
    private final Duration unansweredAfter;

    public SessionTimeouts(
            RoutingRepository repository,
            Router router,
            ChatEventBus bus,
            Duration abandonAfter,
            Duration unansweredAfter) {
        this.repository = repository;
        this.router = router;
        this.bus = bus;
        this.abandonAfter = abandonAfter;
        this.unansweredAfter = unansweredAfter;
    }

    public Mono<Void> sweep() {
        Mono<Void> requeue =
                repository
                        .requeueUnanswered(unansweredAfter)
                        .concatMap(
                                r ->
                                        bus.publish(
                                                        new ChatEvent.SessionChanged(
                                                                r.sessionId(),
                                                                SessionStatus.WAITING,
                                                                null,
                                                                r.previousAgentId(),
                                                                r.departmentId(),
                                                                UNANSWERED))
                                                .then(
                                                        bus.publish(
                                                                new ChatEvent.QueueChanged(
                                                                        r.departmentId())))
                                                .then(router.routeDepartment(r.departmentId())))
                        .then();
        Mono<Void> markLeft =
                repository
                        .markLeftMessages(abandonAfter)
                        .map(RoutingRepository.LeftMessage::departmentId)
                        .distinct()
                        // the staff's queue views show the mark
                        .concatMap(
                                department -> bus.publish(new ChatEvent.QueueChanged(department)))
                        .then();
        Mono<Void> abandon =
                repository
                        .closeAbandoned(abandonAfter)
                        .concatMap(
                                a ->
                                        bus.publish(
                                                        new ChatEvent.SessionChanged(
                                                                a.sessionId(),
                                                                SessionStatus.CLOSED,
                                                                null,
                                                                null,
                                                                a.departmentId(),
                                                                ABANDONED))
                                                .then(
                                                        bus.publish(
                                                                new ChatEvent.QueueChanged(
                                                                        a.departmentId()))))
                        .then();
        return requeue.then(markLeft).then(abandon);
    }
}
