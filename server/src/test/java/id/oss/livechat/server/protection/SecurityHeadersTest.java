package id.oss.livechat.server.protection;

import id.oss.livechat.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What each answer tells the browser: the demo portal may run only its own files (no inline script
 * or style, never framed); JSON may load and run nothing; the widget's files may be embedded by
 * portals elsewhere; nothing is sniffed into another type and no referrer leaves.
 */
class SecurityHeadersTest extends ServerTest {

    private WebTestClient.ResponseSpec get(String uri) {
        // the widget's script is larger than the client's default buffer
        return http.mutate()
                .codecs(c -> c.defaultCodecs().maxInMemorySize(1 << 20))
                .build()
                .get()
                .uri(uri)
                .exchange();
    }

    @Test
    void theDemoPortalMayRunOnlyItsOwnFilesAndIsNeverFramed() {
        get("/").expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(
                        "Content-Security-Policy",
                        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'"
                                + " data: blob:; font-src 'self'; connect-src 'self'; form-action 'self';"
                                + " base-uri 'none'; object-src 'none'; frame-ancestors 'none'")
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectBody()
                .returnResult();
    }

    @Test
    void jsonAnswersAndErrorsMayLoadNothing() {
        for (String uri : new String[] {"/health", "/api/oss-chat/departments", "/no/such/page"}) {
            get(uri).expectHeader()
                    .valueEquals(
                            "Content-Security-Policy",
                            "default-src 'none'; base-uri 'none'; form-action 'none';"
                                    + " frame-ancestors 'none'")
                    .expectHeader()
                    .valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader()
                    .valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader()
                    .valueEquals("Cross-Origin-Resource-Policy", "same-origin")
                    .expectBody()
                    .returnResult();
        }
    }

    @Test
    void theWidgetsFilesMayBeEmbeddedByPortalsElsewhere() {
        for (String uri : new String[] {"/widget/widget.js", "/widget/widget.css"}) {
            get(uri).expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("Cross-Origin-Resource-Policy", "cross-origin")
                    .expectHeader()
                    .valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader()
                    .valueEquals("Referrer-Policy", "no-referrer")
                    .expectBody()
                    .returnResult();
        }
        get("/widget/widget.js").expectHeader().contentTypeCompatibleWith("text/javascript");
    }
}
