package id.oss.livechat.server.system.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server that the application starts itself when no {@code DB_HOST} is
 * configured. Its data lives in a folder that survives restarts; {@link #close()} stops it cleanly
 * (fast shutdown, so a checkpoint is written).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String databaseName;

    private EmbeddedPostgresServer(
            EmbeddedPostgres postgres, Path dataDirectory, String databaseName) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.databaseName = databaseName;
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory} (initialising it on first use) and makes sure
     * {@code databaseName} exists.
     *
     * @param port a fixed port, or 0 for any free one
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, String databaseName, int port) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            EmbeddedPostgres postgres =
                    EmbeddedPostgres.builder()
                            .setDataDirectory(dataDirectory)
                            .setCleanDataDirectory(false)
                            .setPort(port)
                            // zonky turns synchronous_commit off for test speed; an acknowledged
                            // chat message must survive a crash, so it goes back on
                            .setServerConfig("synchronous_commit", "on")
                            .setServerConfig("max_connections", "200")
                            .setPGStartupWait(Duration.ofSeconds(60))
                            .start();
            EmbeddedPostgresServer server =
                    new EmbeddedPostgresServer(postgres, dataDirectory, databaseName);
            server.createDatabaseIfMissing();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String databaseName() {
        return databaseName;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists =
                        connection.prepareStatement(
                                "SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, databaseName);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                // the name comes from our configuration, checked to be a plain identifier
                create.execute("CREATE DATABASE \"" + databaseName + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + databaseName, e);
        }
    }

    /**
     * A JVM killed with SIGKILL cannot stop its PostgreSQL; the orphan then holds the data folder.
     * Ask it to shut down (SIGTERM, a "smart" shutdown) before starting anew.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> orphan =
                lines.isEmpty()
                        ? Optional.empty()
                        : ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                                .filter(ProcessHandle::isAlive)
                                .filter(EmbeddedPostgresServer::isPostgres);
        if (orphan.isEmpty()) {
            return;
        }
        log.warn(
                "An earlier embedded PostgreSQL (pid {}) still holds {}; stopping it",
                orphan.get().pid(),
                dataDirectory);
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "PostgreSQL pid "
                            + orphan.get().pid()
                            + " holds "
                            + dataDirectory
                            + " and did not stop; stop it and start again",
                    e);
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("postgres")).orElse(true);
    }
}
