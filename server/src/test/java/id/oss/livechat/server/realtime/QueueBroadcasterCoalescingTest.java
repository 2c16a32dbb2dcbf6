package id.oss.livechat.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A busy queue changes faster than its views can be refreshed (a thousand chats starting): the
 * views still refresh, coalesced, and the last change is shown.
 */
class QueueBroadcasterCoalescingTest {

    @Test
    void refreshesSlowerThanTheIntervalKeepComingAndTheLastChangeIsShown() {
        AtomicInteger refreshes = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        // a change every 5 ms for 1.5 s, each refresh taking 200 ms against a 50 ms interval
        AtomicLong lastChange = new AtomicLong();
        AtomicLong lastRefreshStart = new AtomicLong();
        Flux<Boolean> changes =
                Flux.interval(Duration.ofMillis(5))
                        .take(300)
                        .doOnNext(i -> lastChange.set(System.nanoTime()))
                        .map(i -> true);
        Mono<Void> slowRefresh =
                Mono.defer(
                        () -> {
                            lastRefreshStart.set(System.nanoTime());
                            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                            return Mono.delay(Duration.ofMillis(200))
                                    .then(
                                            Mono.fromRunnable(
                                                    () -> {
                                                        running.decrementAndGet();
                                                        refreshes.incrementAndGet();
                                                    }));
                        });

        QueueBroadcaster.coalesced(changes, Duration.ofMillis(50), () -> slowRefresh)
                .then()
                .block(Duration.ofSeconds(20));

        // it completed instead of failing, refreshed all along, one at a time, far fewer times
        // than there were changes
        assertThat(refreshes.get()).isBetween(4, 20);
        assertThat(mostAtOnce.get()).isEqualTo(1);
        // the views show the queue as it was after its last change
        assertThat(lastRefreshStart.get()).isGreaterThan(lastChange.get());
    }
}
