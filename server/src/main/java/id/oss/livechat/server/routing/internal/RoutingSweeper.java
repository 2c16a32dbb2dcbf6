package id.oss.livechat.server.routing.internal;

import id.oss.livechat.server.routing.Router;
import id.oss.livechat.server.routing.SessionTimeouts;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the queue's housekeeping and a full routing pass at a fixed interval: the safety net that
 * catches what event-driven routing missed (an event on another node, a failed claim).
 */
public class RoutingSweeper implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RoutingSweeper.class);

    private final SessionTimeouts timeouts;
    private final Router router;
    private final Duration interval;
    private volatile Disposable running;

    public RoutingSweeper(SessionTimeouts timeouts, Router router, Duration interval) {
        this.timeouts = timeouts;
        this.router = router;
        this.interval = interval;
    }

    @Override
    public void start() {
        running =
                Flux.interval(interval, interval)
                        .onBackpressureDrop()
                        .concatMap(
                                tick ->
                                        timeouts.sweep()
                                                .then(router.routeAll())
                                                .onErrorResume(
                                                        e -> {
                                                            log.warn(
                                                                    "Routing sweep failed; trying again in {}",
                                                                    interval,
                                                                    e);
                                                            return Mono.empty();
                                                        }),
                                1)
                        .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
