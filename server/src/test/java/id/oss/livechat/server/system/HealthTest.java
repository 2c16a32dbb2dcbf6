package id.oss.livechat.server.system;

import id.oss.livechat.server.LiveChatServer;
import id.oss.livechat.server.support.ServerTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

class HealthTest extends ServerTest {

    @Test
    void healthSaysTheServerServesAndTheDatabaseAnswers() {
        http.get()
                .uri("/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ok")
                .jsonPath("$.uptime_seconds")
                .isNumber();
        http.get()
                .uri("/health/db")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ok")
                .jsonPath("$.database")
                .isEqualTo("up");
    }

    @Test
    void anUnreachableDatabaseIsA503ThatSaysDownButNotWhy() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(LiveChatServer.class)
                        .run(
                                "--DB_HOST=127.0.0.1",
                                "--DB_PORT=" + closedPort,
                                // nothing to migrate against: the point is a database that is gone
                                "--spring.flyway.enabled=false",
                                "--JWT_SECRET=health-test-secret-that-is-long-enough-to-sign",
                                "--OSS_IDENTITY_SECRET=health-test-identity-secret-0123456789",
                                "--server.port=0")) {
            WebTestClient client =
                    WebTestClient.bindToServer()
                            .baseUrl(
                                    "http://localhost:"
                                            + app.getEnvironment().getProperty("local.server.port"))
                            .responseTimeout(Duration.ofSeconds(30))
                            .build();
            client.get().uri("/health").exchange().expectStatus().isOk();
            client.get()
                    .uri("/health/db")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("unavailable")
                    .jsonPath("$.database")
                    .isEqualTo("down")
                    .jsonPath("$.reason")
                    .doesNotExist();
        }
    }
}
