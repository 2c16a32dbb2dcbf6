package id.oss.livechat.server.support;

import id.oss.livechat.server.system.database.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real PostgreSQL for the whole test JVM, in a fresh folder. Tests reach it as an external
 * database ({@code DB_HOST}...), the way production does; the embedded default has its own tests.
 */
public final class TestDatabase {
    public static final String NAME = "livechat_test";
    private static TestDatabase instance;

    private final EmbeddedPostgresServer server;

    private TestDatabase(EmbeddedPostgresServer server) {
        this.server = server;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("livechat-test-db");
                instance = new TestDatabase(EmbeddedPostgresServer.start(dir, NAME, 0));
                Runtime.getRuntime().addShutdownHook(new Thread(instance.server::close));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public int port() {
        return server.port();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + NAME + "?user=postgres";
    }

    /**
     * Points the application at this database. System properties, because Spring reads them before
     * it decides whether to start its embedded database, which dynamic test properties would be too
     * late for.
     */
    public static void useForApplications() {
        TestDatabase db = get();
        System.setProperty("DB_HOST", "localhost");
        System.setProperty("DB_PORT", String.valueOf(db.port()));
        System.setProperty("DB_NAME", NAME);
        System.setProperty("DB_USER", EmbeddedPostgresServer.USER);
        System.setProperty("DB_PASSWORD", "");
    }
}
