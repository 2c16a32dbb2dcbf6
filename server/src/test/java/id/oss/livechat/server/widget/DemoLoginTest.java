package id.oss.livechat.server.widget;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.Visitor;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The demo portal's backend: the page, and a login that proves and links as a portal would. */
class DemoLoginTest extends ServerTest {

    @Test
    void theDemoPortalPageIsServedAtTheRootInDemoMode() {
        http.get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("/widget/widget.js"));
        http.get().uri("/demo/assets/portal.js").exchange().expectStatus().isOk();
    }

    @Test
    void theLoginComputesTheIdentityHashWithTheServersSecretAndLinksTheBrowser() {
        Visitor visitor = new Visitor(http);
        visitor.start("Sebelum login");
        String ossUserId = "OSS-" + UUID.randomUUID();

        http.post()
                .uri("/demo/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of(
                                "oss_user_id",
                                ossUserId,
                                "email",
                                "budi@example.co.id",
                                "browser_uuid",
                                visitor.browserUuid.toString()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.oss_user_id")
                .isEqualTo(ossUserId)
                .jsonPath("$.identity_hash")
                .isEqualTo(identityHash(ossUserId))
                .jsonPath("$.sessions_moved")
                .isEqualTo(1);

        // the hash it handed out is one the visitor API believes
        http.get()
                .uri(
                        "/api/oss-chat/history?oss_user_id={u}&identity_hash={h}",
                        ossUserId,
                        identityHash(ossUserId))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sessions.length()")
                .isEqualTo(1);
    }

    @Test
    void aLoginWithoutUserOrWithABadEmailIsRefusedFieldByField() {
        http.post()
                .uri("/demo/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "not-an-address"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("validation_failed")
                .jsonPath("$.fields.oss_user_id")
                .isEqualTo("is required")
                .jsonPath("$.fields.email")
                .isEqualTo("must be a valid e-mail address");
    }
}
