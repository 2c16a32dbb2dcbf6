package id.oss.livechat.server.protection;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.EdgeTest;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.visitor.IdentityProof;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

/**
 * {@code TRUSTED_PROXIES}: the ingress (127.0.0.2) names the citizen behind it in {@code
 * X-Forwarded-For} and limits count that citizen; a client anywhere else that sends the header
 * itself changes nothing, so it can neither hide in another address's budget nor pick a fresh one
 * for every request.
 */
class TrustedProxyTest extends EdgeTest {

    /** Links an OSS account through {@code client}; answers the address stored with it. */
    private String addressStoredBy(WebTestClient client) {
        String ossUserId = "OSS-" + UUID.randomUUID();
        client.post()
                .uri("/api/oss-chat/link-user")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of(
                                "browser_uuid", UUID.randomUUID().toString(),
                                "oss_user_id", ossUserId,
                                "identity_hash",
                                        IdentityProof.hashFor(
                                                ServerTest.IDENTITY_SECRET, ossUserId)))
                .exchange()
                .expectStatus()
                .isOk();
        return db.sql("SELECT ip_address FROM chat_users WHERE oss_user_id = :id")
                .bind("id", ossUserId)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    @Test
    void theIngressNamesTheCitizenAndAForgedHeaderFromAnyoneElseChangesNothing() {
        String citizen = freshAddress();
        assertThat(addressStoredBy(citizen(citizen))).isEqualTo(citizen);
        // the citizen wrote a header of its own; the ingress appended the address it saw
        assertThat(
                        addressStoredBy(
                                ingress()
                                        .mutate()
                                        .defaultHeader("X-Forwarded-For", "6.6.6.6, " + citizen)
                                        .build()))
                .isEqualTo(citizen);
        // a client that is no proxy of ours says it is someone else: it stays itself
        assertThat(
                        addressStoredBy(
                                direct().mutate()
                                        .defaultHeader("X-Forwarded-For", freshAddress())
                                        .build()))
                .isEqualTo("127.0.0.1");
    }

    /**
     * The statuses of {@code attempts} sign-ins sent at once from {@code peer} (a loopback address
     * the client binds), naming {@code forwardedFor} in X-Forwarded-For. Sent together, they reach
     * the server far faster than the sign-in limit refills (one a second), however slow the
     * machine: what is refused is refused by count, not by how the test happened to be timed.
     */
    private List<Integer> signInsAtOnce(
            String peer, String forwardedFor, Map<String, Object> login, int attempts) {
        WebClient client =
                WebClient.builder()
                        .clientConnector(
                                new ReactorClientHttpConnector(
                                        HttpClient.create()
                                                .bindAddress(() -> new InetSocketAddress(peer, 0))))
                        .baseUrl("http://127.0.0.1:" + port)
                        .defaultHeader("X-Forwarded-For", forwardedFor)
                        .build();
        return Flux.range(0, attempts)
                .flatMap(
                        i ->
                                client.post()
                                        .uri("/api/auth/login")
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .bodyValue(login)
                                        .exchangeToMono(
                                                response ->
                                                        response.releaseBody()
                                                                .thenReturn(
                                                                        response.statusCode()
                                                                                .value())),
                        // at most what the client's connection pool holds (16): none waits for one
                        16)
                .collectList()
                .block(Duration.ofMinutes(2));
    }

    private static long refused(List<Integer> statuses) {
        assertThat(statuses).as("only signed in or refused for the limit").isSubsetOf(200, 429);
        return statuses.stream().filter(status -> status == 429).count();
    }

    @Test
    void limitsCountTheCitizenNamedByTheIngressNotAnAddressAForgerNames() {
        StaffFixture staff = new StaffFixture(db, direct());
        StaffFixture.Member agent = staff.agent("offline", 3, staff.department());
        Map<String, Object> login =
                Map.of("username", agent.username(), "password", StaffFixture.PASSWORD);
        String citizen = freshAddress();

        // a client that is no proxy of ours (a loopback address of its own, so the suite's
        // 127.0.0.1 keeps its budget) floods sign-ins naming the citizen: it spends its own
        // address's sixty, not the citizen's
        assertThat(refused(signInsAtOnce(FORGER, citizen, login, 200))).isPositive();
        // the citizen, through the ingress: its budget is whole
        assertThat(refused(signInsAtOnce(INGRESS, citizen, login, 10))).isZero();

        // the citizen floods through the ingress and is refused
        assertThat(refused(signInsAtOnce(INGRESS, citizen, login, 200))).isPositive();
        // another citizen behind the same ingress is not: the count is the citizen's, not the
        // ingress's
        assertThat(refused(signInsAtOnce(INGRESS, freshAddress(), login, 10))).isZero();
    }

    /** An untrusted peer: not in TRUSTED_PROXIES, and used by no other test. */
    private static final String FORGER = "127.0.0.3";
}
