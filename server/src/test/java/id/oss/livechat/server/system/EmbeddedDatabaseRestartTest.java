package id.oss.livechat.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.LiveChatServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The embedded default, as a newcomer runs it: no DB_HOST, the server starts its own PostgreSQL
 * with data in a folder, and what was stored before a restart is there after it.
 */
class EmbeddedDatabaseRestartTest {
    @TempDir Path dataDir;

    @Test
    void aSessionStartedBeforeARestartIsStillThereAfterIt() {
        String sessionId;
        String token;
        try (ConfigurableApplicationContext first = startServer()) {
            Map<?, ?> started =
                    client(first)
                            .post()
                            .uri("/api/oss-chat/start")
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(
                                    Map.of(
                                            "browser_uuid",
                                            UUID.randomUUID().toString(),
                                            "topic",
                                            "Sebelum restart"))
                            .exchange()
                            .expectStatus()
                            .isCreated()
                            .expectBody(Map.class)
                            .returnResult()
                            .getResponseBody();
            sessionId = (String) started.get("session_id");
            token = (String) started.get("visitor_token");
        }
        // stopped cleanly: PostgreSQL removes its pid file on a clean shutdown
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

        try (ConfigurableApplicationContext second = startServer()) {
            client(second)
                    .get()
                    .uri("/api/oss-chat/session/{id}", sessionId)
                    .headers(h -> h.setBearerAuth(token))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.topic")
                    .isEqualTo("Sebelum restart")
                    .jsonPath("$.status")
                    .isEqualTo("waiting");
        }
    }

    private ConfigurableApplicationContext startServer() {
        // command-line arguments outrank the DB_HOST other tests set as system properties
        return new SpringApplicationBuilder(LiveChatServer.class)
                .run("--DB_HOST=", "--LIVECHAT_DATA_DIR=" + dataDir, "--server.port=0");
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }
}
