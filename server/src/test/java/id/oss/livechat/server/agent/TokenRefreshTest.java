package id.oss.livechat.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.agent.internal.JwtSettings;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/auth/refresh}: a staff member's valid token buys a new one with a later expiry
 * and the same token version, without the password, so the desktop renews mid-shift; a revoked or
 * expired token buys nothing (401).
 */
class TokenRefreshTest extends ServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebTestClient.ResponseSpec refresh(String token) {
        return http.post().uri("/api/auth/refresh").headers(h -> h.setBearerAuth(token)).exchange();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JSON.readValue(Base64.getUrlDecoder().decode(payload), Map.class);
    }

    private static long exp(String jwt) {
        return ((Number) claims(jwt).get("exp")).longValue();
    }

    @SuppressWarnings("unchecked")
    private String refreshed(String token) {
        Map<String, Object> body =
                refresh(token)
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(body).containsEntry("token_type", "Bearer").containsKey("user");
        assertThat(((Number) body.get("expires_in")).longValue()).isPositive();
        return (String) body.get("access_token");
    }

    private int me(String token) {
        return http.get()
                .uri("/api/agents/me")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
    }

    @Test
    void aValidTokenBuysOneWithALaterExpiryAndTheSameVersion() {
        StaffFixture staff = new StaffFixture(db, http);
        StaffFixture.Member agent = staff.agent("offline", 3, staff.department());
        String token = staff.login(agent);
        // a JWT's expiry is in whole seconds: a renewal within the same second expires alike
        AtomicReference<String> renewed = new AtomicReference<>();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> {
                            renewed.set(refreshed(token));
                            return exp(renewed.get()) > exp(token);
                        });
        assertThat(claims(renewed.get()))
                .containsEntry("sub", agent.id().toString())
                .containsEntry("ver", claims(token).get("ver"));
        assertThat(me(renewed.get())).isEqualTo(200);

        // the same version: signing out with the old token ends the renewed one too
        http.post()
                .uri("/api/auth/logout")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isNoContent();
        assertThat(me(renewed.get())).isEqualTo(401);
    }

    @Test
    void aRevokedTokenBuysNothing() {
        StaffFixture staff = new StaffFixture(db, http);
        String token = staff.login(staff.agent("offline", 3, staff.department()));
        http.post()
                .uri("/api/auth/logout")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isNoContent();

        refresh(token)
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_token");
    }

    @Test
    void anExpiredTokenBuysNothing() {
        StaffFixture staff = new StaffFixture(db, http);
        StaffFixture.Member agent = staff.agent("offline", 3, staff.department());
        Instant past = Instant.now().minusSeconds(120);
        var claims =
                JwtClaimsSet.builder()
                        .issuer(JwtSettings.ISSUER)
                        .subject(agent.id().toString())
                        .issuedAt(past.minusSeconds(3600))
                        .expiresAt(past)
                        .claim("role", "agent")
                        .claim("ver", 0)
                        .build();
        var key =
                new SecretKeySpec(
                        JwtSettings.DEMO_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        String expired =
                NimbusJwtEncoder.withSecretKey(key)
                        .build()
                        .encode(
                                JwtEncoderParameters.from(
                                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                        .getTokenValue();

        refresh(expired)
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_token");
        refresh("not-a-token").expectStatus().isUnauthorized();
        http.post().uri("/api/auth/refresh").exchange().expectStatus().isUnauthorized();
    }
}
