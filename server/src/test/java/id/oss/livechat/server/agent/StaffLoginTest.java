package id.oss.livechat.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

class StaffLoginTest extends ServerTest {

    private WebTestClient.ResponseSpec login(String username, String password) {
        return http.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange();
    }

    @Test
    void theDemoAgentSignsInAndGetsATokenForItsRole() {
        login("agent1", DEMO_PASSWORD)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.access_token")
                .isNotEmpty()
                .jsonPath("$.token_type")
                .isEqualTo("Bearer")
                .jsonPath("$.expires_in")
                .isEqualTo(24 * 3600)
                .jsonPath("$.user.username")
                .isEqualTo("agent1")
                .jsonPath("$.user.role")
                .isEqualTo("agent")
                .jsonPath("$.user.department_ids.length()")
                .isEqualTo(2);
        for (String account : new String[] {"admin", "supervisor", "agent2", "agent3"}) {
            login(account, DEMO_PASSWORD).expectStatus().isOk();
        }
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        String wrongPassword =
                login("agent2", "not-the-password")
                        .expectStatus()
                        .isUnauthorized()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        String unknownUser =
                login("nobody-here", "not-the-password")
                        .expectStatus()
                        .isUnauthorized()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(wrongPassword).isEqualTo(unknownUser).contains("invalid_credentials");
    }

    @Test
    void repeatedFailuresAreSlowedDownButNeverLockTheAccount() {
        StaffFixture staff = new StaffFixture(db, http);
        StaffFixture.Member target = staff.agent("offline", 3, staff.department());
        login(target.username(), "guess-1").expectStatus().isUnauthorized();
        login(target.username(), "guess-2").expectStatus().isUnauthorized();
        long slowStart = System.nanoTime();
        login(target.username(), "guess-3").expectStatus().isUnauthorized();
        long slowed = System.nanoTime() - slowStart;
        // the third attempt waits the throttle's first delay before it is even checked: a lower
        // bound, which load cannot break (that the first two attempts wait nothing is
        // LoginThrottleTest's, on a clock of its own; comparing wall times here failed under load)
        assertThat(Duration.ofNanos(slowed)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        WebTestClient patient = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        for (int i = 4; i <= 10; i++) {
            patient.post()
                    .uri("/api/auth/login")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", target.username(), "password", "guess-" + i))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
        // slowed, never locked: the right password still signs in
        patient.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", target.username(), "password", StaffFixture.PASSWORD))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void aStrangersTenWrongPasswordsDoNotStopTheRealAdmin() {
        StaffFixture staff = new StaffFixture(db, http);
        StaffFixture.Member admin = staff.member("admin", "offline", 0);
        // the stranger: another address (127.0.0.2 reaches the same server)
        WebTestClient stranger =
                WebTestClient.bindToServer(
                                new ReactorClientHttpConnector(
                                        HttpClient.create()
                                                .bindAddress(
                                                        () ->
                                                                new InetSocketAddress(
                                                                        "127.0.0.2", 0))))
                        .baseUrl("http://127.0.0.1:" + port)
                        .responseTimeout(Duration.ofSeconds(60))
                        .build();
        for (int i = 1; i <= 10; i++) {
            stranger.post()
                    .uri("/api/auth/login")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", admin.username(), "password", "tebakan-" + i))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        login(admin.username(), StaffFixture.PASSWORD).expectStatus().isOk();
    }

    @Test
    void aDeactivatedAccountCannotSignInAndItsTokenStopsWorking() {
        StaffFixture staff = new StaffFixture(db, http);
        StaffFixture.Member leaving = staff.agent("online", 3, staff.department());
        String token = staff.login(leaving);
        http.get()
                .uri("/api/chat/active")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk();

        String admin = demoToken("admin");
        http.put()
                .uri("/api/agents/{id}", leaving.id())
                .headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("active", false))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.active")
                .isEqualTo(false)
                .jsonPath("$.status")
                .isEqualTo("offline");

        http.get()
                .uri("/api/chat/active")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        login(leaving.username(), StaffFixture.PASSWORD).expectStatus().isUnauthorized();
    }

    @Test
    void missingFieldsAreNamed() {
        http.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "agent1"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.password")
                .isNotEmpty();
    }
}
