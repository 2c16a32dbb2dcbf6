package id.oss.livechat.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A real single-node Kafka broker (KRaft) in its own process, from the kafka_2.13 jar on this
 * module's classpath; and a probe of its own end-to-end latency with the server's producer and
 * consumer settings.
 */
public final class KafkaBroker implements AutoCloseable {
    private final int port;
    private final Process process;

    private KafkaBroker(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    public static KafkaBroker start(Path dir) {
        int port = Children.freePort();
        int controllerPort = Children.freePort();
        try {
            Files.createDirectories(dir);
            Path config = dir.resolve("server.properties");
            Files.writeString(
                    config,
                    """
                    process.roles=broker,controller
                    node.id=1
                    controller.quorum.bootstrap.servers=localhost:%2$d
                    listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                    advertised.listeners=PLAINTEXT://localhost:%1$d
                    controller.listener.names=CONTROLLER
                    listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                    log.dirs=%3$s
                    num.partitions=1
                    offsets.topic.replication.factor=1
                    offsets.topic.num.partitions=3
                    transaction.state.log.replication.factor=1
                    transaction.state.log.min.isr=1
                    share.coordinator.state.topic.replication.factor=1
                    share.coordinator.state.topic.min.isr=1
                    group.initial.rebalance.delay.ms=0
                    """
                            .formatted(port, controllerPort, dir.resolve("data")));
            List<String> flags = List.of("-Xmx512m", "-XX:+UseSerialGC");
            Process format =
                    Children.java(
                            dir.resolve("kafka.log"),
                            Map.of(),
                            flags,
                            "kafka.tools.StorageTool",
                            "format",
                            "-t",
                            Uuid.randomUuid().toString(),
                            "-c",
                            config.toString(),
                            "--standalone");
            if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("Kafka storage format failed; see " + dir);
            }
            Process broker =
                    Children.java(
                            dir.resolve("kafka.log"),
                            Map.of(),
                            flags,
                            "kafka.Kafka",
                            config.toString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (true) {
                if (!broker.isAlive()) {
                    throw new IllegalStateException(
                            "Kafka exited; see " + dir.resolve("kafka.log"));
                }
                try (Socket ignored = new Socket("localhost", port)) {
                    break;
                } catch (IOException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka did not start");
                    }
                    Waits.sleep(200);
                }
            }
            return new KafkaBroker(port, broker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /**
     * Kafka's own end-to-end latency: records produced open loop at {@code perSecond} (acks=all,
     * idempotent, linger 0, as the server's producer) and consumed by a consumer polling as the
     * server's does; latency from the intended send time to the poll that returns the record.
     */
    public Latencies endToEnd(double perSecond, Duration duration) {
        String topic = "bench-probe-" + UUID.randomUUID().toString().substring(0, 8);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        Latencies latencies = new Latencies();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean ready = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        // a KafkaConsumer belongs to one thread: this one creates, polls and closes it
        Thread polling =
                new Thread(
                        () -> {
                            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
                                consumer.subscribe(List.of(topic));
                                while (!stop.get()) {
                                    for (ConsumerRecord<String, String> r :
                                            consumer.poll(Duration.ofMillis(50))) {
                                        long intended = Long.parseLong(r.value());
                                        if (intended != 0 && measuring.get()) {
                                            latencies.recordSince(intended);
                                        }
                                    }
                                    if (!consumer.assignment().isEmpty()) {
                                        ready.set(true);
                                    }
                                }
                            }
                        },
                        "kafka-probe");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, "k", "0")).get(30, TimeUnit.SECONDS);
            polling.start();
            long joined = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!ready.get() && System.nanoTime() < joined) {
                Waits.sleep(100);
            }
            Waits.sleep(1000);
            measuring.set(true);
            long sent =
                    OpenLoop.run(
                            perSecond,
                            duration,
                            (i, intended) ->
                                    producer.send(
                                            new ProducerRecord<>(
                                                    topic,
                                                    "s" + (i % 64),
                                                    String.valueOf(intended))));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (latencies.count() < sent && System.nanoTime() < deadline) {
                Waits.sleep(20);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the Kafka probe failed", e);
        } finally {
            stop.set(true);
            try {
                polling.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return latencies;
    }

    @Override
    public void close() {
        Children.stop(process);
    }
}
