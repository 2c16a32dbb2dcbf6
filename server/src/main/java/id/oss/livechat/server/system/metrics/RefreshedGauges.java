package id.oss.livechat.server.system.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gauges of the help desk as a whole (sessions waiting, agents online, mails pending), read from
 * PostgreSQL every {@code METRICS_REFRESH}, so they are the same on every node. Each feature
 * registers its own in its configuration; this class only keeps them fresh. A reading that fails
 * keeps the gauge's last value until the next round.
 */
public class RefreshedGauges implements SmartLifecycle {
    private record Reading(AtomicLong value, Supplier<Mono<Long>> read) {}

    private final MeterRegistry registry;
    private final Duration refresh;
    private final List<Reading> readings = new CopyOnWriteArrayList<>();
    private volatile Disposable refreshing;

    public RefreshedGauges(MeterRegistry registry, Duration refresh) {
        this.registry = registry;
        this.refresh = refresh;
    }

    /** A gauge {@code name} whose value {@code read} gives, asked every refresh. */
    public void register(String name, String description, Supplier<Mono<Long>> read) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(name, value, AtomicLong::get).description(description).register(registry);
        readings.add(new Reading(value, read));
    }

    Mono<Void> refreshAll() {
        return Flux.fromIterable(readings)
                .concatMap(
                        reading ->
                                reading.read()
                                        .get()
                                        .doOnNext(reading.value()::set)
                                        .onErrorResume(e -> Mono.empty()))
                .then();
    }

    @Override
    public void start() {
        refreshing =
                Flux.interval(Duration.ZERO, refresh)
                        .onBackpressureDrop()
                        .concatMap(tick -> refreshAll(), 1)
                        .subscribe();
    }

    @Override
    public void stop() {
        if (refreshing != null) {
            refreshing.dispose();
        }
        refreshing = null;
    }

    @Override
    public boolean isRunning() {
        return refreshing != null;
    }
}
