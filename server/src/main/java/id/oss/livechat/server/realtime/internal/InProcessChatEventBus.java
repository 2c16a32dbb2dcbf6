package id.oss.livechat.server.realtime.internal;

import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The bus of a single node: events go straight to this node's subscribers. Emission is serialised,
 * because use cases publish from many threads and a sink accepts one at a time.
 */
public class InProcessChatEventBus implements ChatEventBus {
    private final Sinks.Many<ChatEvent> sink = Sinks.many().multicast().directBestEffort();

    @Override
    public Mono<Void> publish(ChatEvent event) {
        return Mono.fromRunnable(
                () -> {
                    synchronized (sink) {
                        sink.tryEmitNext(event);
                    }
                });
    }

    @Override
    public Flux<ChatEvent> events() {
        return sink.asFlux();
    }
}
