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
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The real chat server in the test's JVM, as {@code java -jar} would run it with no {@code
 * DB_HOST}: its own embedded PostgreSQL (in a fresh folder), the in-process bus and demo mode
 * (admin, supervisor, agent1..agent3 with {@link #PASSWORD}), on a free port.
 *
 * <p>Most classes use the {@link #shared} one: starting a server (PostgreSQL, every migration)
 * costs seconds, and a class needs none of its own when it sets its scene with departments and
 * agents of its own ({@link ServerAdmin}) and reads back only what it made. A class that reads the
 * whole server (the day's figures of every chat, say) or needs settings of its own {@link #start}s
 * its own.
 */
public final class RealServer implements AutoCloseable {
    public static final String PASSWORD = "livechat-demo";

    private static RealServer shared;

    private final ConfigurableApplicationContext context;
    private final Path dataDir;

    private RealServer(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
    }

    /**
     * The server the test classes of this JVM share, with the default settings: started by the
     * first class that asks, stopped (and its data removed) when the JVM exits. Classes must not
     * {@link #close} it.
     */
    public static synchronized RealServer shared() {
        if (shared == null) {
            RealServer server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "real-server-stop"));
            shared = server;
        }
        return shared;
    }

    /** A server of the caller's own, which it closes. */
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
                        .initializers(RealServer::nettyOfItsOwn)
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

    /**
     * Netty threads of the server's own. By default every context in a JVM serves on Reactor
     * Netty's global event loops and disposes of them when it closes: a class's own server, closed,
     * would take the {@link #shared} one down with it.
     */
    private static void nettyOfItsOwn(ConfigurableApplicationContext context) {
        ((GenericApplicationContext) context)
                .registerBean(
                        ReactorResourceFactory.class,
                        () -> {
                            ReactorResourceFactory netty = new ReactorResourceFactory();
                            netty.setUseGlobalResources(false);
                            return netty;
                        });
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
