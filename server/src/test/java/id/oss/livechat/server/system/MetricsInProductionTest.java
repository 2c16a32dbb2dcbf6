package id.oss.livechat.server.system;

import id.oss.livechat.server.LiveChatServer;
import id.oss.livechat.server.support.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * In production (demo mode off) {@code /metrics} is not public: only a scraper with {@code
 * METRICS_TOKEN} reads it.
 */
class MetricsInProductionTest {
    private static final String TOKEN = "scrape-token-0123456789-abcdefghijklmnop";

    @Test
    void metricsNeedTheScrapeTokenInProduction() {
        TestDatabase db = TestDatabase.get();
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(LiveChatServer.class)
                        .run(
                                "--DB_HOST=localhost",
                                "--DB_PORT=" + db.port(),
                                "--DB_NAME=" + TestDatabase.NAME,
                                "--DB_USER=postgres",
                                "--LIVECHAT_DEMO=false",
                                "--METRICS_TOKEN=" + TOKEN,
                                // the shared database's agents are online without sockets
                                "--PRESENCE_GRACE=30m",
                                "--JWT_SECRET=metrics-test-secret-that-is-long-enough-to-sign",
                                "--OSS_IDENTITY_SECRET=metrics-test-identity-secret-0123456789",
                                "--server.port=0")) {
            WebTestClient client =
                    WebTestClient.bindToServer()
                            .baseUrl(
                                    "http://localhost:"
                                            + app.getEnvironment().getProperty("local.server.port"))
                            .responseTimeout(Duration.ofSeconds(30))
                            .build();
            client.get().uri("/metrics").exchange().expectStatus().isUnauthorized();
            client.get()
                    .uri("/metrics")
                    .headers(h -> h.setBearerAuth("a-guess"))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
            client.get()
                    .uri("/metrics")
                    .headers(h -> h.setBearerAuth(TOKEN))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .value(
                            body ->
                                    org.assertj.core.api.Assertions.assertThat(body)
                                            .contains("livechat_sessions_waiting"));
        }
    }
}
