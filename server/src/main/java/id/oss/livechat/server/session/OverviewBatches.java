package id.oss.livechat.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Reads sessions as staff see them for the server's own deliveries, many in one query. A routing
 * pass assigns up to a page of chats at once, and each assignment's sockets need its chat's
 * overview: one query each was most of the database work of a burst of new chats. One read runs at
 * a time; asks made meanwhile wait for the next, which takes them all (up to {@link #BATCH}), so a
 * lone ask is read at once and a rush is read in few queries.
 */
final class OverviewBatches {
    static final int BATCH = 200;

    private record Ask(UUID sessionId, Sinks.One<SessionOverview> answer) {}

    private final Function<List<UUID>, Flux<SessionOverview>> read;
    private final Queue<Ask> asks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean reading = new AtomicBoolean();

    /** {@code read}: the overviews of those of the sessions that exist, in any order. */
    OverviewBatches(Function<List<UUID>, Flux<SessionOverview>> read) {
        this.read = read;
    }

    /** The session as staff see it; empty if there is none. */
    Mono<SessionOverview> overview(UUID sessionId) {
        return Mono.defer(
                () -> {
                    Sinks.One<SessionOverview> answer = Sinks.one();
                    asks.add(new Ask(sessionId, answer));
                    readWaiting();
                    return answer.asMono();
                });
    }

    /** Starts a read of what is asked, unless one runs; the running one starts the next. */
    private void readWaiting() {
        if (asks.isEmpty() || !reading.compareAndSet(false, true)) {
            return;
        }
        List<Ask> batch = new ArrayList<>();
        for (Ask ask = asks.poll(); ask != null; ask = batch.size() < BATCH ? asks.poll() : null) {
            batch.add(ask);
        }
        read.apply(batch.stream().map(Ask::sessionId).distinct().toList())
                .collectMap(SessionOverview::id)
                .subscribe(
                        found -> answer(batch, found),
                        failure -> fail(batch, failure),
                        this::readNext);
    }

    private void readNext() {
        reading.set(false);
        readWaiting();
    }

    private static void answer(List<Ask> batch, Map<UUID, SessionOverview> found) {
        for (Ask ask : batch) {
            SessionOverview overview = found.get(ask.sessionId());
            if (overview == null) {
                ask.answer().tryEmitEmpty();
            } else {
                ask.answer().tryEmitValue(overview);
            }
        }
    }

    private void fail(List<Ask> batch, Throwable failure) {
        batch.forEach(ask -> ask.answer().tryEmitError(failure));
        readNext();
    }
}
