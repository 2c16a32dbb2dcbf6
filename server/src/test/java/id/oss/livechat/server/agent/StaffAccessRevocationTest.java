package id.oss.livechat.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.agent.internal.JwtSettings;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.reactive.socket.CloseStatus;

/**
 * Staff access an admin (or the staff member) takes back: signing out, a password change, a
 * deactivation, a new role or new departments each end every earlier token at once, on REST and on
 * an open socket (closed with 4401 and the reason), and the role is the database's, not the
 * token's.
 */
class StaffAccessRevocationTest extends ServerTest {
    private StaffFixture fixture;
    private UUID department;
    private String admin;

    @BeforeEach
    void staff() {
        fixture = new StaffFixture(db, http);
        department = fixture.department();
        admin = demoToken("admin");
    }

    private int status(HttpMethod method, String path, String token, Object body) {
        var request = http.method(method).uri(path).headers(h -> h.setBearerAuth(token));
        var response =
                body == null
                        ? request.exchange()
                        : request.contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(body)
                                .exchange();
        return response.returnResult(String.class).getStatus().value();
    }

    private int me(String token) {
        return status(HttpMethod.GET, "/api/agents/me", token, null);
    }

    @Test
    void signingOutEndsThatTokenAndTheSocketsOpenWithIt() {
        StaffFixture.Member agent = fixture.agent("offline", 3, department);
        String token = fixture.login(agent);
        try (ChatSocket socket = ChatSocket.signedIn(port, "/ws/agent", token)) {
            assertThat(status(HttpMethod.POST, "/api/auth/logout", token, null)).isEqualTo(204);

            assertThat(me(token)).isEqualTo(401);
            CloseStatus closed = socket.awaitClosed();
            assertThat(closed.getCode()).isEqualTo(4401);
            assertThat(closed.getReason()).isEqualTo("signed_out");
        }
        try (ChatSocket again = ChatSocket.open(port, "/ws/agent")) {
            again.send(new id.oss.livechat.model.realtime.ClientFrame.Auth(token));
            assertThat(again.awaitClosed().getCode()).isEqualTo(4401);
        }
        assertThat(me(fixture.login(agent))).as("signing in again works").isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordIsRefusedNamingTheFieldAndChangesNothing() {
        StaffFixture.Member agent = fixture.agent("offline", 3, department);
        String token = fixture.login(agent);

        http.put()
                .uri("/api/agents/me/password")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of(
                                "current_password",
                                "not-my-password",
                                "new_password",
                                "n3w-pass-word"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("validation_failed")
                .jsonPath("$.fields.current_password")
                .exists();
        http.put()
                .uri("/api/agents/me/password")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of("current_password", StaffFixture.PASSWORD, "new_password", "short"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.new_password")
                .exists();

        assertThat(me(token)).as("the token still works").isEqualTo(200);
        assertThat(me(fixture.login(agent))).as("the old password still works").isEqualTo(200);
    }

    @Test
    void changingOnesPasswordEndsEveryEarlierToken() {
        StaffFixture.Member agent = fixture.agent("offline", 3, department);
        String laptop = fixture.login(agent);
        String desk = fixture.login(agent);

        assertThat(
                        status(
                                HttpMethod.PUT,
                                "/api/agents/me/password",
                                laptop,
                                Map.of(
                                        "current_password",
                                        StaffFixture.PASSWORD,
                                        "new_password",
                                        "a-new-password-1")))
                .isEqualTo(204);

        assertThat(me(laptop)).isEqualTo(401);
        assertThat(me(desk)).isEqualTo(401);
        http.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", agent.username(), "password", StaffFixture.PASSWORD))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        http.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", agent.username(), "password", "a-new-password-1"))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void anAdminsPasswordResetEndsTheAccountsTokensAndClosesItsSocket() {
        StaffFixture.Member agent = fixture.agent("offline", 3, department);
        String token = fixture.login(agent);
        try (ChatSocket socket = ChatSocket.signedIn(port, "/ws/agent", token)) {
            assertThat(
                            status(
                                    HttpMethod.PUT,
                                    "/api/agents/" + agent.id(),
                                    admin,
                                    Map.of("password", "reset-by-admin-1")))
                    .isEqualTo(200);

            assertThat(me(token)).isEqualTo(401);
            CloseStatus closed = socket.awaitClosed();
            assertThat(closed.getCode()).isEqualTo(4401);
            assertThat(closed.getReason()).isEqualTo("password_changed");
        }
    }

    @Test
    void aDeactivatedAgentsSocketClosesWithinASecond() {
        StaffFixture.Member agent = fixture.agent("online", 3, department);
        String token = fixture.login(agent);
        try (ChatSocket socket = ChatSocket.signedIn(port, "/ws/agent", token)) {
            Instant deactivated = Instant.now();
            assertThat(
                            status(
                                    HttpMethod.PUT,
                                    "/api/agents/" + agent.id(),
                                    admin,
                                    Map.of("active", false)))
                    .isEqualTo(200);

            CloseStatus closed = socket.awaitClosed();
            assertThat(Duration.between(deactivated, Instant.now()))
                    .isLessThan(Duration.ofSeconds(1));
            assertThat(closed.getCode()).isEqualTo(4401);
            assertThat(closed.getReason()).isEqualTo("access_changed");
            assertThat(me(token)).isEqualTo(401);
        }
    }

    @Test
    void aSocketEndsWhenItsTokenExpires() {
        StaffFixture.Member agent = fixture.agent("offline", 3, department);
        Instant now = Instant.now();
        // a JWT's expiry is in whole seconds
        Instant expires = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(3);
        var claims =
                JwtClaimsSet.builder()
                        .issuer("oss-livechat")
                        .subject(agent.id().toString())
                        .issuedAt(now)
                        .expiresAt(expires)
                        .claim("role", "agent")
                        .claim("ver", 0)
                        .build();
        var key =
                new SecretKeySpec(
                        JwtSettings.DEMO_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        String shortLived =
                NimbusJwtEncoder.withSecretKey(key)
                        .build()
                        .encode(
                                JwtEncoderParameters.from(
                                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                        .getTokenValue();

        try (ChatSocket socket = ChatSocket.signedIn(port, "/ws/agent", shortLived)) {
            CloseStatus closed = socket.awaitClosed();
            assertThat(Instant.now()).isAfterOrEqualTo(expires);
            assertThat(closed.getCode()).isEqualTo(4401);
            assertThat(closed.getReason()).isEqualTo("token_expired");
        }
    }

    @Test
    void aDemotedAdminLosesAdminRightsAtOnce() {
        StaffFixture.Member second = fixture.member("admin", "offline", 0);
        String token = fixture.login(second);
        assertThat(status(HttpMethod.GET, "/api/analytics/dashboard", token, null)).isEqualTo(200);

        assertThat(
                        status(
                                HttpMethod.PUT,
                                "/api/agents/" + second.id(),
                                admin,
                                Map.of("role", "agent")))
                .isEqualTo(200);

        assertThat(me(token)).isEqualTo(401);
        assertThat(
                        status(
                                HttpMethod.PUT,
                                "/api/agents/" + second.id(),
                                token,
                                Map.of("role", "admin")))
                .as("it cannot promote itself back")
                .isEqualTo(401);
    }

    @Test
    void theRoleIsTheDatabasesNotTheTokens() {
        StaffFixture.Member supervisor = fixture.member("supervisor", "offline", 0);
        String token = fixture.login(supervisor);
        assertThat(status(HttpMethod.GET, "/api/analytics/dashboard", token, null)).isEqualTo(200);

        db.sql("UPDATE users SET role = 'agent' WHERE id = :id")
                .bind("id", supervisor.id())
                .then()
                .block();

        assertThat(status(HttpMethod.GET, "/api/analytics/dashboard", token, null))
                .as("the token still says supervisor")
                .isEqualTo(403);
    }

    @Test
    void newDepartmentsEndTheTokenButAChangedNameDoesNot() {
        StaffFixture.Member agent = fixture.agent("offline", 3, department);
        String token = fixture.login(agent);

        assertThat(
                        status(
                                HttpMethod.PUT,
                                "/api/agents/" + agent.id(),
                                admin,
                                Map.of(
                                        "display_name",
                                        "Nama Baru",
                                        "department_ids",
                                        List.of(department))))
                .isEqualTo(200);
        assertThat(me(token)).as("same departments, new name: nothing taken away").isEqualTo(200);

        UUID other = fixture.department();
        assertThat(
                        status(
                                HttpMethod.PUT,
                                "/api/agents/" + agent.id(),
                                admin,
                                Map.of("department_ids", List.of(other))))
                .isEqualTo(200);
        assertThat(me(token)).isEqualTo(401);
    }
}
