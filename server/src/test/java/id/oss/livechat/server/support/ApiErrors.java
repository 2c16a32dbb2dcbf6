package id.oss.livechat.server.support;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What a refused request must look like: its status and the JSON error code clients act on. */
public final class ApiErrors {
    private ApiErrors() {}

    /**
     * Checks the status and {@code error} code, and reads the body on the way: WebTestClient may
     * reuse a connection whose body was never read, and the next request on it can hang
     * (spring-framework#29817).
     */
    public static void expect(WebTestClient.ResponseSpec response, HttpStatus status, String code) {
        response.expectStatus().isEqualTo(status).expectBody().jsonPath("$.error").isEqualTo(code);
    }
}
