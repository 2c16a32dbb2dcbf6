package id.oss.livechat.server.hours.internal;

import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.hours.ClosedHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** Hands this node's chat events to {@link ClosedHours}, once each (local events only). */
public class ClosedHoursListener implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ClosedHoursListener.class);

    private final ChatEventBus bus;
    private final ClosedHours closedHours;
    private volatile Disposable listening;

    public ClosedHoursListener(ChatEventBus bus, ClosedHours closedHours) {
        this.bus = bus;
        this.closedHours = closedHours;
    }

    @Override
    public void start() {
        listening =
                bus.localEvents()
                        .concatMap(
                                event ->
                                        closedHours
                                                .on(event)
                                                .onErrorResume(
                                                        e -> {
                                                            log.warn(
                                                                    "Opening hours bookkeeping failed for {}",
                                                                    event.getClass()
                                                                            .getSimpleName(),
                                                                    e);
                                                            return Mono.empty();
                                                        }),
                                256)
                        .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = listening;
        if (current != null) {
            current.dispose();
        }
        listening = null;
    }

    @Override
    public boolean isRunning() {
        return listening != null;
    }
}
