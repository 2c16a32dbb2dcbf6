package id.oss.livechat.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;

/**
 * A real single-node Kafka broker (KRaft) in its own process, from the kafka_2.13 jar on the test
 * classpath. It can be stopped and started again on the same port and data, as an operator
 * restarting Kafka would.
 */
public final class KafkaBroker implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final Path config;
    private Process process;

    private KafkaBroker(Path dir, int port, Path config) {
        this.dir = dir;
        this.port = port;
        this.config = config;
    }

    public static KafkaBroker start(Path dir) {
        return start(dir, PLAINTEXT_LISTENER);
    }

    /**
     * A broker whose only client listener is SASL_PLAINTEXT with mechanism PLAIN, that lets in
     * {@code username} with {@code password} and no one else: a locked-down production broker.
     */
    public static KafkaBroker startWithSaslPlain(Path dir, String username, String password) {
        String jaas =
                "org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " username=\"broker\" password=\"broker-secret\""
                        + " user_broker=\"broker-secret\""
                        + " user_%s=\"%s\";".formatted(username, password);
        return start(
                dir,
                """
                listeners=SASL_PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                advertised.listeners=SASL_PLAINTEXT://localhost:%1$d
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
                inter.broker.listener.name=SASL_PLAINTEXT
                sasl.enabled.mechanisms=PLAIN
                sasl.mechanism.inter.broker.protocol=PLAIN
                listener.name.sasl_plaintext.plain.sasl.jaas.config=%3$s
                """
                        .replace("%3$s", jaas));
    }

    private static final String PLAINTEXT_LISTENER =
            """
            listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
            advertised.listeners=PLAINTEXT://localhost:%1$d
            listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
            """;

    private static KafkaBroker start(Path dir, String listeners) {
        int port = ChildProcesses.freePort();
        int controllerPort = ChildProcesses.freePort();
        try {
            Files.createDirectories(dir);
            Path config = dir.resolve("server.properties");
            Files.writeString(
                    config,
                    """
                    process.roles=broker,controller
                    node.id=1
                    controller.quorum.bootstrap.servers=localhost:%2$d
                    controller.listener.names=CONTROLLER
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
                                    .formatted(port, controllerPort, dir.resolve("data"))
                            + listeners.formatted(port, controllerPort));
            Process format =
                    ChildProcesses.java(
                            "kafka-format",
                            dir.resolve("kafka.log"),
                            Map.of(),
                            "256m",
                            "kafka.tools.StorageTool",
                            "format",
                            "-t",
                            Uuid.randomUuid().toString(),
                            "-c",
                            config.toString(),
                            "--standalone");
            if (!format.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)
                    || format.exitValue() != 0) {
                throw new IllegalStateException(
                        "Kafka storage format failed; see " + dir.resolve("kafka.log"));
            }
            KafkaBroker broker = new KafkaBroker(dir, port, config);
            broker.startAgain();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the broker (again) on the same port and data; returns when it accepts connections. */
    public void startAgain() {
        process =
                ChildProcesses.java(
                        "kafka",
                        dir.resolve("kafka.log"),
                        Map.of(),
                        "512m",
                        "kafka.Kafka",
                        config.toString());
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> {
                            if (!process.isAlive()) {
                                throw new IllegalStateException(
                                        "Kafka exited; see " + dir.resolve("kafka.log"));
                            }
                            try (Socket socket = new Socket("localhost", port)) {
                                return true;
                            } catch (IOException notYet) {
                                return false;
                            }
                        });
    }

    /** A clean stop (SIGTERM: controlled shutdown). */
    public void stop() {
        ChildProcesses.stop(process, false);
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
