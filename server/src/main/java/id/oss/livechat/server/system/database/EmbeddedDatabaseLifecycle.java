package id.oss.livechat.server.system.database;

import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Stops the embedded PostgreSQL when the application context closes. Its phase is the lowest, so it
 * stops last: after the web server has drained and the connection pool has closed.
 */
@Component
@ConditionalOnProperty(name = "livechat.embedded-db.running", havingValue = "true")
class EmbeddedDatabaseLifecycle implements SmartLifecycle {
    private final Path dataDirectory;
    private volatile boolean running;

    EmbeddedDatabaseLifecycle(Environment environment) {
        this.dataDirectory =
                Path.of(environment.getRequiredProperty("livechat.embedded-db.data-dir"));
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        EmbeddedDatabaseEnvironment.stop(dataDirectory);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
