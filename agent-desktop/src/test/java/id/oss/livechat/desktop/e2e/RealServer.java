package id.oss.livechat.desktop.e2e;

import id.oss.livechat.server.LiveChatServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real chat server in the test's JVM, as {@code java -jar} would run it with no {@code
 * DB_HOST}: its own embedded PostgreSQL (in a fresh folder, so the test owns every row), the
 * in-process bus and demo mode (admin, supervisor, agent1..agent3 with {@link #PASSWORD}), on a
 * free port.
 */
public final class RealServer implements AutoCloseable {
    public static final String PASSWORD = "livechat-demo";

    private final ConfigurableApplicationContext context;
    private final Path dataDir;

    private RealServer(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
    }

    public static RealServer start() {
        return start(new String[0]);
    }

    /** With settings of the test's own, like {@code --JWT_EXPIRES_IN=4s}. */
    public static RealServer start(String... settings) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("livechat-desktop-e2e");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(LiveChatServer.class)
                        .run(
                                java.util.stream.Stream.concat(
                                                Stream.of(
                                                        "--server.port=0",
                                                        "--LIVECHAT_DATA_DIR=" + dataDir,
                                                        "--LIVECHAT_DEMO=true",
                                                        "--DEMO_PASSWORD=" + PASSWORD,
                                                        "--LOG_LEVEL=warn"),
                                                Stream.of(settings))
                                        .toArray(String[]::new));
        return new RealServer(context, dataDir);
    }

    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** What an agent types into the login's server field. */
    public String address() {
        return "http://localhost:" + port();
    }

    /** Stops the server, then its PostgreSQL (the context's last phase), and removes its data. */
    @Override
    public void close() {
        context.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
