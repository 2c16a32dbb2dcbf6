package id.oss.livechat.server.realtime.internal;

import id.oss.livechat.server.realtime.ConnectionRegistry;
import id.oss.livechat.server.realtime.DeliveryDispatcher;
import id.oss.livechat.server.realtime.QueueBroadcaster;
import id.oss.livechat.server.session.VisitorPresence;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Starts delivery with the application and, on shutdown, lets the frames being handled finish
 * (messages being stored), then closes every socket with 1001 (going away) before the web server
 * drains, so clients reconnect to another node at once instead of holding this one open. Its phase
 * sits above the web server's graceful shutdown, so it stops first. A stop is not forever: when the
 * context is started again (Spring's {@code pause()}/{@code restart()}, which the test framework
 * uses on every context it caches), the node takes sockets again.
 */
public class RealtimeLifecycle implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RealtimeLifecycle.class);

    /** The longest pause between two marks of the connected visitors as present. */
    static final Duration PRESENCE_INTERVAL = Duration.ofSeconds(60);

    /** The shortest: below it, marking every connected visitor costs more than it tells. */
    static final Duration MIN_PRESENCE_INTERVAL = Duration.ofSeconds(2);

    private final DeliveryDispatcher dispatcher;
    private final QueueBroadcaster queue;
    private final ConnectionRegistry registry;
    private final VisitorPresence visitors;
    private final Duration presenceInterval;
    private volatile Disposable presence;
    private volatile boolean running;

    /**
     * @param awayThresholds every setting that takes a visitor not seen for that long as gone (the
     *     reply notice's {@code REPLY_NOTICE_AFTER}, {@code ABANDON_AFTER}): connected visitors are
     *     marked present well within the smallest, see {@link #presenceInterval}
     */
    public RealtimeLifecycle(
            DeliveryDispatcher dispatcher,
            QueueBroadcaster queue,
            ConnectionRegistry registry,
            VisitorPresence visitors,
            Duration... awayThresholds) {
        this.dispatcher = dispatcher;
        this.queue = queue;
        this.registry = registry;
        this.visitors = visitors;
        this.presenceInterval = presenceInterval(awayThresholds);
    }

    /**
     * How often connected visitors are marked as present, so an open widget never counts as gone
     * (abandoned, or mailed a notice of a reply it shows): a third of the smallest threshold, so a
     * mark is never more than a third of it old, between {@link #MIN_PRESENCE_INTERVAL} and {@link
     * #PRESENCE_INTERVAL}.
     */
    public static Duration presenceInterval(Duration... awayThresholds) {
        Duration interval = PRESENCE_INTERVAL;
        for (Duration threshold : awayThresholds) {
            Duration third = threshold.dividedBy(3);
            if (third.compareTo(interval) < 0) {
                interval = third;
            }
        }
        return interval.compareTo(MIN_PRESENCE_INTERVAL) < 0 ? MIN_PRESENCE_INTERVAL : interval;
    }

    @Override
    public void start() {
        dispatcher.start();
        queue.start();
        presence =
                Flux.interval(presenceInterval)
                        .onBackpressureDrop()
                        .concatMap(
                                tick ->
                                        visitors.present(registry.sessionsWithVisitors())
                                                .onErrorResume(e -> Mono.empty()))
                        .subscribe();
        // delivery runs: sockets may come (again)
        registry.open();
        running = true;
    }

    /** How long a stopping node waits for frames being handled (messages being stored). */
    static final Duration DRAIN = Duration.ofSeconds(5);

    @Override
    public void stop() {
        registry.shutDown();
        // in-flight writes first: a message being stored is stored and acknowledged before its
        // socket closes, so its sender need not resend it to another node
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (registry.inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (registry.inFlight() > 0) {
            log.warn(
                    "Closing sockets with {} frames still being handled after {} s",
                    registry.inFlight(),
                    DRAIN.toSeconds());
        }
        int open = registry.size();
        registry.all()
                .forEach(connection -> connection.closeWith(CloseStatus.GOING_AWAY.getCode()));
        if (open > 0) {
            log.info(
                    "Closed {} chat sockets with 1001 (going away); clients reconnect elsewhere",
                    open);
        }
        if (presence != null) {
            presence.dispose();
        }
        queue.stop();
        dispatcher.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 512;
    }
}
