package id.oss.livechat.server.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.TestMail;
import id.oss.livechat.server.support.Visitor;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One transcript per address per session: the visitor who presses "Kirim transkrip" after the chat
 * closed does not get the transcript mailed on close a second time.
 */
class TranscriptOnceTest extends ServerTest {
    private final TestMail smtp = TestMail.get();

    private WebTestClient.BodyContentSpec askForTranscript(
            Visitor.Session session, Map<String, Object> body) {
        return http.post()
                .uri("/api/oss-chat/session/{id}/transcript", session.id())
                .headers(h -> h.setBearerAuth(session.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody();
    }

    @Test
    void theTranscriptMailedOnCloseIsNotMailedAgainWhenTheVisitorAsksForIt() throws Exception {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("online", 3, department);
        String address = "siti-" + UUID.randomUUID().toString().substring(0, 8) + "@contoh.co.id";
        Visitor visitor = new Visitor(http);
        Visitor.Session session =
                visitor.start(
                        Map.of(
                                "browser_uuid",
                                visitor.browserUuid.toString(),
                                "topic",
                                "Akun dan login OSS",
                                "department_id",
                                department.toString()));
        Map<String, Object> contact = new HashMap<>(Visitor.johnDoe());
        contact.put("contact_email", address);
        visitor.contact(session, contact).expectStatus().isOk();
        http.post()
                .uri("/api/oss-chat/session/{id}/messages", session.id())
                .headers(h -> h.setBearerAuth(session.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("client_msg_id", "m-1", "text", "Saya lupa kata sandi OSS."))
                .exchange()
                .expectStatus()
                .isOk();
        http.post()
                .uri("/api/chat/close")
                .headers(h -> h.setBearerAuth(staff.login(agent)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", session.id()))
                .exchange()
                .expectStatus()
                .isOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.to(address).size() == 1);

        // "Kirim transkrip" with the contact's address, as the widget fills it in, and again
        // with the same address typed differently
        askForTranscript(session, Map.of())
                .jsonPath("$.email")
                .isEqualTo(address)
                .jsonPath("$.already_sent")
                .isEqualTo(true);
        askForTranscript(session, Map.of("email", "  " + address.toUpperCase() + " "))
                .jsonPath("$.already_sent")
                .isEqualTo(true);

        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> smtp.to(address).size() == 1);
        assertThat(TestMail.text(smtp.to(address).get(0))).contains("Saya lupa kata sandi OSS.");

        // any other address is refused: the transcript goes where the session knows, not where a
        // request says (issue 16: no mail to strangers from our address)
        String office = "kantor-" + UUID.randomUUID().toString().substring(0, 8) + "@contoh.co.id";
        http.post()
                .uri("/api/oss-chat/session/{id}/transcript", session.id())
                .headers(h -> h.setBearerAuth(session.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", office))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("validation_failed")
                .jsonPath("$.fields.email")
                .isNotEmpty();
        assertThat(
                        db.sql(
                                        "SELECT count(*) FROM mail_outbox WHERE kind = 'transcript' AND session_id = :id")
                                .bind("id", UUID.fromString(session.id()))
                                .map(row -> row.get(0, Long.class))
                                .one()
                                .block())
                .isEqualTo(1);
        assertThat(smtp.to(office)).isEmpty();
    }
}
