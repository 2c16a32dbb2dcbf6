package id.oss.livechat.server.realtime.internal;

import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The bus of many nodes. An event is delivered to this node's sockets at once and sent to the
 * topic, keyed by session so a session's events keep their order; every node consumes the whole
 * topic in a consumer group of its own and delivers what other nodes published.
 *
 * <p>Storage came first, so the bus only carries the live push. When Kafka cannot take an event it
 * is parked in the outbox and relayed when Kafka is back; meanwhile this node keeps chatting, and
 * clients on other nodes still get every message when they resume, from PostgreSQL.
 */
public class KafkaChatEventBus implements ChatEventBus, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(KafkaChatEventBus.class);

    /**
     * After a failed send, go straight to the outbox for a while instead of waiting on a dead
     * broker.
     */
    static final Duration BACK_OFF = Duration.ofSeconds(3);

    static final Duration RELAY_INTERVAL = Duration.ofSeconds(1);

    /** How often the broker is asked whether it is there, and the outbox counted, for /health. */
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

    static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    private final InProcessChatEventBus local = new InProcessChatEventBus();
    private final InProcessChatEventBus published = new InProcessChatEventBus();
    private final KafkaTemplate<String, String> template;
    private final MessageListenerContainer container;
    private final BusOutbox outbox;
    private final ChatEventCodec codec;
    private final String topic;
    private final String nodeId;
    private final Clock clock;
    private final BrokerProbe probe;
    // the producer may block while it has no metadata: sends run here, never on an event loop
    private final Scheduler sender = Schedulers.newSingle("kafka-publish");
    private final AtomicReference<Instant> downUntil = new AtomicReference<>(Instant.MIN);
    private volatile boolean assigned;
    private volatile Disposable relaying;
    private volatile Disposable probing;
    // until the first probe answers, the broker counts as reachable: startup waits for the topic
    private volatile boolean brokerReachable = true;
    private volatile String brokerProblem;
    private volatile long waitingEvents;

    public KafkaChatEventBus(
            KafkaTemplate<String, String> template,
            ContainerFactory containers,
            BusOutbox outbox,
            ChatEventCodec codec,
            String topic,
            String nodeId,
            Clock clock,
            BrokerProbe probe) {
        this.template = template;
        this.probe = probe;
        this.outbox = outbox;
        this.codec = codec;
        this.topic = topic;
        this.nodeId = nodeId;
        this.clock = clock;
        this.container =
                containers.create(
                        this::received,
                        new ConsumerAwareRebalanceListener() {
                            @Override
                            public void onPartitionsAssigned(
                                    Consumer<?, ?> consumer,
                                    Collection<TopicPartition> partitions) {
                                // "latest" is looked up lazily, at the next poll: an event sent
                                // before that would lie before the position and never be read.
                                // Resolved here, "ready" means an event sent now arrives.
                                partitions.forEach(consumer::position);
                                assigned = true;
                                log.info(
                                        "Kafka bus: node {} consumes {} partitions of {}",
                                        nodeId,
                                        partitions.size(),
                                        topic);
                            }
                        });
    }

    /**
     * Asks the broker whether it is there (Kafka's admin client in the configuration); completes
     * empty when it answered, with an error when it did not in time.
     */
    public interface BrokerProbe {
        Mono<Void> check();

        /** Lets go of the connection when the node stops. */
        default void close() {}
    }

    /** Builds the consumer container; the configuration supplies Spring Kafka's factory. */
    @FunctionalInterface
    public interface ContainerFactory {
        MessageListenerContainer create(
                MessageListener<String, String> listener, ConsumerAwareRebalanceListener rebalance);
    }

    @Override
    public Mono<Void> publish(ChatEvent event) {
        return local.publish(event)
                .then(published.publish(event))
                .then(Mono.fromRunnable(() -> sendToKafka(event)));
    }

    @Override
    public Flux<ChatEvent> localEvents() {
        return published.events();
    }

    @Override
    public Flux<ChatEvent> events() {
        return local.events();
    }

    @Override
    public String kind() {
        return "kafka";
    }

    /**
     * Whether events travel between nodes now: this node's partitions are assigned, the broker
     * answers, and sends are not being parked after a failure.
     */
    @Override
    public boolean ready() {
        return assigned && brokerReachable && !clock.instant().isBefore(downUntil.get());
    }

    @Override
    public Health health() {
        boolean ready = ready();
        String reason = null;
        if (!ready) {
            // the broker's own answer first: a refused login never ends in assigned partitions,
            // and the operator needs to read why, not that partitions are awaited
            reason =
                    !brokerReachable
                            ? "Kafka is unreachable: " + brokerProblem
                            : !assigned
                                    ? "waiting for the topic's partitions"
                                    : "Kafka refused an event; events wait in the outbox";
        }
        return new Health(ready, waitingEvents, reason);
    }

    private void sendToKafka(ChatEvent event) {
        String key = ChatEventCodec.keyOf(event);
        String payload = codec.encode(nodeId, event);
        Mono<Void> attempt =
                clock.instant().isBefore(downUntil.get())
                        ? outbox.park(key, payload)
                        : send(key, payload)
                                .onErrorResume(
                                        failure -> {
                                            downUntil.set(clock.instant().plus(BACK_OFF));
                                            log.warn(
                                                    "Kafka did not take an event ({}); parked in the outbox until it is back",
                                                    failure.toString());
                                            return outbox.park(key, payload);
                                        });
        attempt.subscribe(
                null,
                e ->
                        log.error(
                                "Could not park an event for Kafka; clients get it when they resume",
                                e));
    }

    private Mono<Void> send(String key, String payload) {
        return Mono.fromFuture(() -> template.send(topic, key, payload))
                .subscribeOn(sender)
                .timeout(SEND_TIMEOUT)
                .doOnNext(
                        sent -> {
                            if (log.isDebugEnabled()) {
                                log.debug(
                                        "Sent to {}@{} key {}",
                                        sent.getRecordMetadata().partition(),
                                        sent.getRecordMetadata().offset(),
                                        key);
                            }
                        })
                .then();
    }

    private void received(ConsumerRecord<String, String> record) {
        ChatEventCodec.Envelope envelope;
        try {
            envelope = codec.decode(record.value());
        } catch (RuntimeException e) {
            log.warn(
                    "Skipping an unreadable event at {}-{}@{}",
                    record.topic(),
                    record.partition(),
                    record.offset());
            return;
        }
        if (!nodeId.equals(envelope.origin())) {
            if (log.isDebugEnabled()) {
                log.debug(
                        "From {} at {}@{} key {}: {}",
                        envelope.origin(),
                        record.partition(),
                        record.offset(),
                        record.key(),
                        envelope.event());
            }
            local.publish(envelope.event()).subscribe();
        }
    }

    @Override
    public void start() {
        container.start();
        probing = startProbing();
        relaying =
                Flux.interval(RELAY_INTERVAL)
                        .onBackpressureDrop()
                        .concatMap(
                                tick ->
                                        outbox.relay(parked -> send(parked.key(), parked.payload()))
                                                .doOnNext(
                                                        n -> {
                                                            if (n > 0) {
                                                                downUntil.set(Instant.MIN);
                                                                log.info(
                                                                        "Kafka is back: relayed {} parked events",
                                                                        n);
                                                            }
                                                        })
                                                .onErrorResume(e -> Mono.empty()),
                                1)
                        .subscribe();
    }

    /** Asks the broker and counts the outbox, one round at a time, for what /health says. */
    private Disposable startProbing() {
        return Flux.interval(Duration.ZERO, PROBE_INTERVAL)
                .onBackpressureDrop()
                .concatMap(tick -> probeBroker().then(countWaiting()), 1)
                .subscribe();
    }

    private Mono<Void> probeBroker() {
        return probe.check()
                .doOnSuccess(
                        ok -> {
                            if (!brokerReachable) {
                                log.info("Kafka answers again");
                            }
                            brokerReachable = true;
                            brokerProblem = null;
                        })
                .onErrorResume(
                        failure -> {
                            if (brokerReachable) {
                                log.warn("Kafka does not answer: {}", failure.toString());
                            }
                            brokerReachable = false;
                            brokerProblem =
                                    failure.getMessage() == null
                                            ? failure.getClass().getSimpleName()
                                            : failure.getMessage();
                            return Mono.empty();
                        });
    }

    private Mono<Void> countWaiting() {
        return outbox.size()
                .doOnNext(n -> waitingEvents = n)
                .onErrorResume(e -> Mono.empty())
                .then();
    }

    @Override
    public void stop() {
        if (probing != null) {
            probing.dispose();
        }
        probe.close();
        if (relaying != null) {
            relaying.dispose();
        }
        container.stop();
        sender.dispose();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }

    @Override
    public int getPhase() {
        // stops after the sockets are closed and before the database goes
        return Integer.MAX_VALUE - 4096;
    }
}
