package id.oss.livechat.server.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A chat server node in its own process, against the test PostgreSQL and a Kafka broker: what
 * production runs, several times over. It can be stopped cleanly or killed with SIGKILL.
 */
public final class ServerNode implements AutoCloseable {
    private final String name;
    private final Path logDir;
    private final Map<String, String> environment;
    private final int port;
    private Process process;

    private ServerNode(String name, Path logDir, Map<String, String> environment, int port) {
        this.name = name;
        this.logDir = logDir;
        this.environment = environment;
        this.port = port;
    }

    public static ServerNode start(
            String name, Path logDir, KafkaBroker kafka, Map<String, String> extra) {
        ServerNode node = configured(name, logDir, kafka, extra);
        node.startAgain();
        return node;
    }

    /**
     * Starts a node per name with the same settings, side by side: each JVM's start-up is seconds
     * of CPU and of waiting for the database and Kafka, and one after the other they added up. The
     * database's schema is brought first, here (what the first node would have done), so the nodes
     * do not race to create it. Returns when every node serves and its bus is ready.
     */
    public static List<ServerNode> startSideBySide(
            Path logDir, KafkaBroker kafka, Map<String, String> extra, String... names) {
        List<ServerNode> nodes = new ArrayList<>();
        for (String name : names) {
            nodes.add(configured(name, logDir, kafka, extra));
        }
        nodes.get(0).migrateDatabase();
        nodes.forEach(ServerNode::launch);
        nodes.forEach(ServerNode::awaitReady);
        return nodes;
    }

    private static ServerNode configured(
            String name, Path logDir, KafkaBroker kafka, Map<String, String> extra) {
        TestDatabase db = TestDatabase.get();
        int port = ChildProcesses.freePort();
        Map<String, String> environment = new HashMap<>();
        environment.put("PORT", String.valueOf(port));
        environment.put("DB_HOST", "localhost");
        environment.put("DB_PORT", String.valueOf(db.port()));
        environment.put("DB_NAME", TestDatabase.NAME);
        environment.put("DB_USER", "postgres");
        environment.put("DB_PASSWORD", "");
        environment.put("DB_POOL_SIZE", "10");
        environment.put("KAFKA_BROKERS", kafka.bootstrapServers());
        environment.put("JWT_SECRET", "multi-node-test-secret-long-enough-for-hs256");
        environment.put("OSS_IDENTITY_SECRET", ServerTest.IDENTITY_SECRET);
        environment.put("LIVECHAT_DEMO", "false");
        environment.putAll(TestLimits.LIFTED);
        // the shared database's agents are set online over REST without sockets (as ServerTest)
        environment.put("PRESENCE_GRACE", "30m");
        environment.putAll(extra);
        return new ServerNode(name, logDir, environment, port);
    }

    /** The migrations a node runs at start (spring.flyway in application.yml), run from here. */
    private void migrateDatabase() {
        Flyway.configure()
                .dataSource(
                        "jdbc:postgresql://"
                                + environment.get("DB_HOST")
                                + ":"
                                + environment.get("DB_PORT")
                                + "/"
                                + environment.get("DB_NAME"),
                        environment.get("DB_USER"),
                        environment.get("DB_PASSWORD"))
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /**
     * Starts the node (again, after a stop or kill) on the same port; returns when it serves and
     * its bus is ready.
     */
    public void startAgain() {
        launch();
        awaitReady();
    }

    private void launch() {
        process =
                ChildProcesses.java(
                        "node " + name,
                        logDir.resolve(name + ".log"),
                        environment,
                        "384m",
                        "id.oss.livechat.server.LiveChatServer");
    }

    private void awaitReady() {
        WebTestClient client = client();
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(
                        () -> {
                            if (!process.isAlive()) {
                                throw new IllegalStateException(
                                        "node "
                                                + name
                                                + " exited; see "
                                                + logDir.resolve(name + ".log"));
                            }
                            String health =
                                    client.get()
                                            .uri("/health")
                                            .exchange()
                                            .returnResult(String.class)
                                            .getResponseBody()
                                            .blockFirst(Duration.ofSeconds(2));
                            return health != null && health.contains("\"ready\":true");
                        });
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    public WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** SIGKILL: no shutdown hook, no goodbye to clients, as a crashed machine. */
    public void kill() {
        ChildProcesses.stop(process, true);
    }

    public void stop() {
        ChildProcesses.stop(process, false);
    }

    @Override
    public void close() {
        stop();
    }
}
