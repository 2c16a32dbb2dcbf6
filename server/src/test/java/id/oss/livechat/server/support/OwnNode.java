package id.oss.livechat.server.support;

import id.oss.livechat.server.LiveChatServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A server node of a test's own, in this JVM, on the shared test database: for tests that stop a
 * node, or that count what exactly one node did without the suite's other traffic.
 */
public final class OwnNode implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final int port;
    private final WebTestClient http;

    private OwnNode(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        this.http =
                WebTestClient.bindToServer()
                        .baseUrl("http://localhost:" + port)
                        .responseTimeout(Duration.ofSeconds(30))
                        .build();
    }

    /** Starts a demo-mode node on a free port; {@code extraArgs} like {@code --NAME=value}. */
    public static OwnNode start(String... extraArgs) {
        TestDatabase.useForApplications();
        List<String> args = new ArrayList<>();
        args.add("--OSS_IDENTITY_SECRET=" + ServerTest.IDENTITY_SECRET);
        args.add("--LIVECHAT_DEMO=true");
        args.add("--DEMO_PASSWORD=" + ServerTest.DEMO_PASSWORD);
        args.add("--server.port=0");
        args.addAll(List.of(TestLimits.asArguments()));
        args.addAll(List.of(extraArgs));
        return new OwnNode(
                new SpringApplicationBuilder(LiveChatServer.class)
                        .run(args.toArray(String[]::new)));
    }

    public int port() {
        return port;
    }

    /** One of the node's beans (its JSON mapper, say), to read as the node reads. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public WebTestClient http() {
        return http;
    }

    /** The node's application context, for a test that plays part of a stop by hand. */
    public ConfigurableApplicationContext context() {
        return context;
    }

    /** Stops the node as SIGTERM would: the context closes. */
    @Override
    public void close() {
        context.close();
    }
}
