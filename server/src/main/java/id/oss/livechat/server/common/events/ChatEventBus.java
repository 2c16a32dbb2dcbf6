package id.oss.livechat.server.common.events;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Carries chat events to every server node: in-process when one node runs, Kafka when many do.
 * Storage always comes first; the bus may delay an event but clients never lose a stored message,
 * because they resume from the database.
 */
public interface ChatEventBus {

    /** Hands the event on; completes when the bus has taken it (or parked it to retry). */
    Mono<Void> publish(ChatEvent event);

    /** Every event published on any node, this one's included, as this node receives them. */
    Flux<ChatEvent> events();

    /**
     * Only the events published on this node: for work that must happen once per event, not once
     * per node (queueing mail, counting messages).
     */
    default Flux<ChatEvent> localEvents() {
        return events();
    }

    /** What carries the events, for the health check: {@code in-process} or {@code kafka}. */
    default String kind() {
        return "in-process";
    }

    /** Whether events of other nodes reach this one yet. */
    default boolean ready() {
        return true;
    }

    /**
     * What {@code /health} says of the bus: whether it carries events between nodes now, how many
     * wait to be carried (Kafka's outbox), and why it is not ready.
     */
    record Health(boolean ready, long waitingEvents, String reason) {}

    default Health health() {
        return new Health(ready(), 0, ready() ? null : "starting");
    }
}
