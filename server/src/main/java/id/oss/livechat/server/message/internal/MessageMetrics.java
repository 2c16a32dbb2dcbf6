package id.oss.livechat.server.message.internal;

import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;

/**
 * Counts the messages this node stored, by sender. Staff-only notes and resends are not messages
 * anyone wrote just now (their event carries no session snapshot), so they are not counted.
 */
public class MessageMetrics implements SmartLifecycle {
    private final MeterRegistry registry;
    private final ChatEventBus bus;
    private volatile Disposable counting;

    public MessageMetrics(MeterRegistry registry, ChatEventBus bus) {
        this.registry = registry;
        this.bus = bus;
    }

    @Override
    public void start() {
        counting =
                bus.localEvents()
                        .filter(
                                event ->
                                        event instanceof ChatEvent.MessageStored stored
                                                && stored.session() != null)
                        .cast(ChatEvent.MessageStored.class)
                        .subscribe(this::count);
    }

    private void count(ChatEvent.MessageStored stored) {
        Counter.builder("livechat_messages")
                .tag("sender", stored.message().sender().type().wire())
                .description("Messages stored by this node")
                .register(registry)
                .increment();
    }

    @Override
    public void stop() {
        if (counting != null) {
            counting.dispose();
        }
        counting = null;
    }

    @Override
    public boolean isRunning() {
        return counting != null;
    }
}
