package id.oss.livechat.server.protection;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.EdgeTest;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.visitor.IdentityProof;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

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

    @Test
    void limitsCountTheCitizenNamedByTheIngressNotAnAddressAForgerNames() {
        StaffFixture staff = new StaffFixture(db, direct());
        StaffFixture.Member agent = staff.agent("offline", 3, staff.department());
        Map<String, Object> login =
                Map.of("username", agent.username(), "password", StaffFixture.PASSWORD);
        String citizen = freshAddress();
        WebTestClient throughIngress = citizen(citizen);
        int status = 200;
        for (int i = 0; i < 200 && status == 200; i++) {
            status =
                    throughIngress
                            .post()
                            .uri("/api/auth/login")
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(login)
                            .exchange()
                            .expectBody()
                            .returnResult()
                            .getStatus()
                            .value();
        }
        assertThat(status).isEqualTo(429);
        // the same citizen, again through the ingress: still refused
        throughIngress
                .post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(login)
                .exchange()
                .expectStatus()
                .isEqualTo(429);
        // a client at 127.0.0.1 naming that citizen is counted as 127.0.0.1: through, not refused
        direct().post()
                .uri("/api/auth/login")
                .header("X-Forwarded-For", citizen)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(login)
                .exchange()
                .expectStatus()
                .isOk();
    }
}
