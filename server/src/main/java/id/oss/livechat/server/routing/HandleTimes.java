package id.oss.livechat.server.routing;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * How long a department's chats lately lasted, for expected waits. A seven-day average that a
 * minute does not move, so it is read at most once a minute per department: read for every place
 * asked, every start and every waiting visitor's sign-in scanned the week's closed chats.
 */
final class HandleTimes {
    static final Duration FRESH_FOR = Duration.ofMinutes(1);

    /** Used until a department has closed chats of its own to learn from. */
    static final double DEFAULT_SECONDS = 300;

    private record Known(double seconds, long readAt) {}

    private final QueueRepository queue;
    private final LongSupplier nanoTime;
    private final Map<UUID, Known> known = new ConcurrentHashMap<>();

    HandleTimes(QueueRepository queue, LongSupplier nanoTime) {
        this.queue = queue;
        this.nanoTime = nanoTime;
    }

    Mono<Double> of(UUID departmentId) {
        long now = nanoTime.getAsLong();
        Known last = known.get(departmentId);
        if (last != null && now - last.readAt() < FRESH_FOR.toNanos()) {
            return Mono.just(last.seconds());
        }
        return queue.averageHandleSeconds(departmentId)
                .defaultIfEmpty(DEFAULT_SECONDS)
                .doOnNext(seconds -> known.put(departmentId, new Known(seconds, now)));
    }
}
