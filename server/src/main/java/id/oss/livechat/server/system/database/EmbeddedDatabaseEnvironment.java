package id.oss.livechat.server.system.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default: when no {@code DB_HOST} is configured, starts a real PostgreSQL before the
 * application context exists and points the very same {@code DB_*} settings at it, so R2DBC, Flyway
 * and everything else follow one code path whichever database serves.
 *
 * <p>The server is stopped by {@link EmbeddedDatabaseLifecycle} when the context closes, or here if
 * the application fails to start.
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {
    static final String SOURCE_NAME = "embeddedPostgres";
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();

    // logging is configured only after this runs: a deferred log prints once it is
    private final Log log;

    public EmbeddedDatabaseEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedDatabaseEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(
            ConfigurableEnvironment environment, SpringApplication application) {
        String host = environment.getProperty("DB_HOST");
        if (host != null && !host.isBlank()) {
            return;
        }
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        Path dataDirectory = dataDirectory(environment);
        String databaseName = environment.getProperty("DB_NAME", "livechat_oss");
        if (!databaseName.matches("[a-zA-Z_][a-zA-Z0-9_]{0,62}")) {
            throw new IllegalStateException("DB_NAME must be a plain identifier: " + databaseName);
        }
        // a fixed port lets a second node on this machine share the embedded database
        int port = environment.getProperty("EMBEDDED_DB_PORT", Integer.class, 0);
        EmbeddedPostgresServer server = startOrReuse(dataDirectory, databaseName, port);
        log.info(
                "No DB_HOST: serving from the embedded PostgreSQL on port "
                        + server.port()
                        + ", database '"
                        + databaseName
                        + "', data in "
                        + dataDirectory);

        Map<String, Object> settings = new HashMap<>();
        settings.put("DB_HOST", "localhost");
        settings.put("DB_PORT", server.port());
        settings.put("DB_NAME", databaseName);
        settings.put("DB_USER", EmbeddedPostgresServer.USER);
        settings.put("DB_PASSWORD", "");
        settings.put("livechat.embedded-db.running", true);
        settings.put("livechat.embedded-db.data-dir", dataDirectory.toString());
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, settings));
        application.addListeners(
                event -> {
                    if (event instanceof ApplicationFailedEvent) {
                        stop(dataDirectory);
                    }
                });
    }

    @Override
    public int getOrder() {
        // after the configuration files are read, so DB_HOST from any source is seen
        return Ordered.LOWEST_PRECEDENCE;
    }

    static Path dataDirectory(ConfigurableEnvironment environment) {
        String configured = environment.getProperty("LIVECHAT_DATA_DIR");
        Path base =
                configured == null || configured.isBlank()
                        ? Path.of(System.getProperty("user.home"), ".oss-livechat")
                        : Path.of(configured);
        return base.toAbsolutePath().resolve("postgres");
    }

    private static synchronized EmbeddedPostgresServer startOrReuse(
            Path dataDirectory, String databaseName, int port) {
        // a second context in the same JVM (tests, devtools restarts) shares the running server
        return RUNNING.computeIfAbsent(
                dataDirectory, dir -> EmbeddedPostgresServer.start(dir, databaseName, port));
    }

    static synchronized void stop(Path dataDirectory) {
        EmbeddedPostgresServer server = RUNNING.remove(dataDirectory);
        if (server != null) {
            server.close();
        }
    }
}
