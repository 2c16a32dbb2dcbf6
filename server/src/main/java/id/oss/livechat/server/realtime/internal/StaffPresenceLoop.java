package id.oss.livechat.server.realtime.internal;

import id.oss.livechat.server.agent.AgentPresence;
import id.oss.livechat.server.realtime.ConnectionRegistry;
import id.oss.livechat.server.realtime.Principal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Presence from live sockets: four times per grace period this node tells the agent feature which
 * staff members it holds sockets of, and sets away the online ones no node has seen for longer than
 * the grace ({@code PRESENCE_GRACE}): a desktop that crashed or lost its network drops out of
 * routing within about the grace, and a reconnect within it changes nothing.
 */
public class StaffPresenceLoop implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(StaffPresenceLoop.class);
    private static final Duration SHORTEST_PERIOD = Duration.ofMillis(250);

    private final ConnectionRegistry registry;
    private final AgentPresence presence;
    private final Duration grace;
    private volatile Disposable running;

    public StaffPresenceLoop(ConnectionRegistry registry, AgentPresence presence, Duration grace) {
        this.registry = registry;
        this.presence = presence;
        this.grace = grace;
    }

    @Override
    public void start() {
        Duration quarter = grace.dividedBy(4);
        Duration period = quarter.compareTo(SHORTEST_PERIOD) < 0 ? SHORTEST_PERIOD : quarter;
        running =
                Flux.interval(period, period)
                        .onBackpressureDrop()
                        .concatMap(tick -> round(), 1)
                        .subscribe();
    }

    private Mono<Void> round() {
        return presence.socketsAlive(membersHere())
                .then(presence.awayWithoutSocket(grace))
                .onErrorResume(
                        e -> {
                            log.warn("Presence round failed; trying again", e);
                            return Mono.empty();
                        });
    }

    private List<UUID> membersHere() {
        return registry.allStaff()
                .map(c -> ((Principal.StaffMember) c.principal()).staff().id())
                .distinct()
                .toList();
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
