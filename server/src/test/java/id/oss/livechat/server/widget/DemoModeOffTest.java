package id.oss.livechat.server.widget;

import id.oss.livechat.server.LiveChatServer;
import id.oss.livechat.server.support.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Production (demo mode off): no demo portal and no simulated login, so {@code /} is the plain JSON
 * 404 of any unknown address; the widget itself is still served, for the real portal.
 */
class DemoModeOffTest {

    @Test
    void withoutDemoModeTheRootIsAPlainNotFoundButTheWidgetIsServed() {
        TestDatabase.useForApplications();
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(LiveChatServer.class)
                        .run(
                                "--LIVECHAT_DEMO=false",
                                "--OSS_IDENTITY_SECRET=production-test-identity-secret-0123456789",
                                "--JWT_SECRET=demo-off-test-secret-that-is-long-enough",
                                "--server.port=0")) {
            WebTestClient client =
                    WebTestClient.bindToServer()
                            .baseUrl(
                                    "http://localhost:"
                                            + app.getEnvironment().getProperty("local.server.port"))
                            .responseTimeout(Duration.ofSeconds(30))
                            .build();
            client.get()
                    .uri("/")
                    .accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                    .expectBody()
                    .jsonPath("$.error")
                    .isEqualTo("not_found");
            client.post()
                    .uri("/demo/login")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"oss_user_id\":\"USER123\",\"email\":\"a@b.co\"}")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
            client.get().uri("/demo/assets/portal.js").exchange().expectStatus().isNotFound();
            client.get().uri("/widget/widget.js").exchange().expectStatus().isOk();
            client.get().uri("/widget/widget.css").exchange().expectStatus().isOk();
        }
    }
}
