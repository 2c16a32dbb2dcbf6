package id.oss.livechat.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.server.support.ApiErrors;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.TestMail;
import id.oss.livechat.server.support.Visitor;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A topic chosen from the widget's list is stored as a code; every reader names it in theirs. */
class TopicCodeTest extends ServerTest {

    private WebTestClient.ResponseSpec start(Visitor visitor, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("browser_uuid", visitor.browserUuid.toString());
        return http.post()
                .uri("/api/oss-chat/start")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private long sessionsOf(Visitor visitor) {
        return count(
                "SELECT count(*) FROM chat_sessions s JOIN chat_users u ON u.id = s.chat_user_id"
                        + " WHERE u.browser_uuid = '"
                        + visitor.browserUuid
                        + "'");
    }

    @Test
    void aTopicOfTheListIsStoredAsItsCodeAndEachReaderGetsItsOwnLanguage() {
        Visitor english = new Visitor(http);
        Visitor.Session session =
                english.start(
                        Map.of(
                                "browser_uuid",
                                english.browserUuid.toString(),
                                "topic_code",
                                "perizinan",
                                "language",
                                "en"));
        assertThat(session.body())
                .containsEntry("topic", "Business licensing")
                .containsEntry("topic_code", "perizinan");

        http.get()
                .uri("/api/oss-chat/session/{id}", session.id())
                .headers(h -> h.setBearerAuth(session.token()))
                .exchange()
                .expectBody()
                .jsonPath("$.topic")
                .isEqualTo("Business licensing")
                .jsonPath("$.topic_code")
                .isEqualTo("perizinan");
        http.get()
                .uri("/api/oss-chat/history?browser_uuid={b}", english.browserUuid)
                .exchange()
                .expectBody()
                .jsonPath("$.sessions[0].topic")
                .isEqualTo("Business licensing")
                .jsonPath("$.sessions[0].topic_code")
                .isEqualTo("perizinan");
        // the help desk reads the code (and the Indonesian name), whatever the visitor's language
        http.get()
                .uri("/api/chat/session/{id}", session.id())
                .headers(h -> h.setBearerAuth(demoToken("supervisor")))
                .exchange()
                .expectBody()
                .jsonPath("$.topic")
                .isEqualTo("Perizinan berusaha")
                .jsonPath("$.topic_code")
                .isEqualTo("perizinan");

        Visitor indonesian = new Visitor(http);
        Visitor.Session same =
                indonesian.start(
                        Map.of(
                                "browser_uuid",
                                indonesian.browserUuid.toString(),
                                "topic_code",
                                "perizinan",
                                "language",
                                "id"));
        assertThat(same.body()).containsEntry("topic", "Perizinan berusaha");
        Map<String, Object> stored =
                db.sql(
                                "SELECT count(DISTINCT topic) AS topics, count(DISTINCT topic_code) AS codes,"
                                        + " min(topic) AS topic FROM chat_sessions WHERE id IN (:a, :b)")
                        .bind("a", UUID.fromString(session.id()))
                        .bind("b", UUID.fromString(same.id()))
                        .fetch()
                        .one()
                        .block();
        assertThat(stored)
                .as("one topic for reports, in whichever language it was chosen")
                .containsEntry("topics", 1L)
                .containsEntry("codes", 1L)
                .containsEntry("topic", "Perizinan berusaha");
    }

    @Test
    void anUnknownTopicCodeIsRefusedAndAFreeTextTopicStillWorks() {
        Visitor visitor = new Visitor(http);
        ApiErrors.expect(
                start(visitor, Map.of("topic_code", "izin-tambang")),
                HttpStatus.BAD_REQUEST,
                "validation_failed");
        start(visitor, Map.of("topic_code", "<script>", "topic", "Pendaftaran NIB"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.topic_code")
                .isEqualTo("is not a topic of the list");
        start(visitor, Map.of())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.topic")
                .isEqualTo("is required");
        assertThat(sessionsOf(visitor)).as("refused starts store nothing").isZero();

        // an older client's free text
        start(visitor, Map.of("topic", "Izin lokasi di kawasan industri"))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.topic")
                .isEqualTo("Izin lokasi di kawasan industri")
                .jsonPath("$.topic_code")
                .isEmpty();
        assertThat(sessionsOf(visitor)).isEqualTo(1);
    }

    @Test
    void mailsNameTheTopicInTheirReadersLanguage() throws Exception {
        TestMail smtp = TestMail.get();
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        staff.agent("offline", 3, department);
        Visitor visitor = new Visitor(http);
        Visitor.Session session =
                visitor.start(
                        Map.of(
                                "browser_uuid",
                                visitor.browserUuid.toString(),
                                "topic_code",
                                "nib",
                                "language",
                                "en",
                                "department_id",
                                department.toString()));
        String email = "john-" + UUID.randomUUID().toString().substring(0, 8) + "@company.com";
        Map<String, Object> contact = new HashMap<>(Visitor.johnDoe());
        contact.put("contact_email", email);
        visitor.contact(session, contact).expectStatus().isOk();
        http.post()
                .uri("/api/oss-chat/session/{id}/messages", session.id())
                .headers(h -> h.setBearerAuth(session.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("client_msg_id", "m-1", "text", "How do I get my NIB?"))
                .exchange()
                .expectStatus()
                .isOk();
        // the help desk's mail is in Indonesian
        String departmentEmail =
                db.sql("SELECT email FROM departments WHERE id = :id")
                        .bind("id", department)
                        .map(row -> row.get(0, String.class))
                        .one()
                        .block();
        await().atMost(Duration.ofSeconds(30)).until(() -> !smtp.to(departmentEmail).isEmpty());
        assertThat(smtp.to(departmentEmail).get(0).getSubject())
                .isEqualTo("Pesan pengunjung saat tidak ada petugas online: Pendaftaran NIB");

        // the visitor's in English
        http.post()
                .uri("/api/chat/close")
                .headers(h -> h.setBearerAuth(demoToken("supervisor")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", session.id()))
                .exchange()
                .expectStatus()
                .isOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> !smtp.to(email).isEmpty());
        assertThat(smtp.to(email).get(0).getSubject())
                .isEqualTo("Your conversation with OSS support: NIB registration");
    }
}
