package id.oss.livechat.server.privacy.internal;

import id.oss.livechat.server.privacy.Retention;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs retention every {@code RETENTION_INTERVAL}, the first time a few minutes after start (a
 * server that restarts often still runs it; one that is starting has other work first). Every node
 * schedules it; the advisory lock lets one of them work.
 */
public class RetentionJob implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(5);

    private final Retention retention;
    private final Duration interval;
    private volatile Disposable running;

    public RetentionJob(Retention retention, Duration interval) {
        this.retention = retention;
        this.interval = interval;
    }

    @Override
    public void start() {
        Duration first = interval.compareTo(FIRST_RUN_AFTER) < 0 ? interval : FIRST_RUN_AFTER;
        running =
                Flux.interval(first, interval)
                        .onBackpressureDrop()
                        .concatMap(tick -> runOnce(), 1)
                        .subscribe();
    }

    private Mono<Void> runOnce() {
        return retention
                .run()
                .doOnNext(
                        report ->
                                report.filter(r -> !r.isEmpty())
                                        .ifPresent(r -> log.info("Retention: {}", r)))
                .onErrorResume(
                        e -> {
                            log.warn("Retention failed; trying again in {}", interval, e);
                            return Mono.empty();
                        })
                .then();
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
