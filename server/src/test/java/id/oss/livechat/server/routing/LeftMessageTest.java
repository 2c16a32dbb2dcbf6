package id.oss.livechat.server.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.TestMail;
import id.oss.livechat.server.support.Visitor;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * A visitor who writes while nobody is online and goes away has left a message: it waits for an
 * agent, marked so, and the agent's reply reaches the visitor by mail. A visitor who wrote nothing
 * and went away has abandoned the chat.
 */
class LeftMessageTest extends ServerTest {
    @Autowired SessionTimeouts timeouts;

    private final TestMail smtp = TestMail.get();

    private Visitor.Session withContact(UUID department, String email) {
        Visitor visitor = new Visitor(http);
        Visitor.Session session =
                visitor.start(
                        Map.of(
                                "browser_uuid",
                                visitor.browserUuid.toString(),
                                "topic",
                                "Pendaftaran NIB",
                                "department_id",
                                department.toString()));
        Map<String, Object> contact = new HashMap<>(Visitor.johnDoe());
        contact.put("contact_name", "Budi Santoso");
        contact.put("contact_email", email);
        visitor.contact(session, contact).expectStatus().isOk();
        return session;
    }

    private void says(Visitor.Session session, String text) {
        http.post()
                .uri("/api/oss-chat/session/{id}/messages", session.id())
                .headers(h -> h.setBearerAuth(session.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("client_msg_id", UUID.randomUUID().toString(), "text", text))
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** The visitor closed the tab this long ago (past ABANDON_AFTER, 10 minutes). */
    private void goneFor(Visitor.Session session, String interval) {
        db.sql(
                        "UPDATE chat_sessions SET visitor_last_seen_at = now() - CAST(:i AS interval)"
                                + " WHERE id = :id")
                .bind("i", interval)
                .bind("id", UUID.fromString(session.id()))
                .then()
                .block();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> queueOf(String token, UUID department) {
        Map<String, Object> page =
                http.get()
                        .uri("/api/chat/waiting?department_id={d}", department)
                        .headers(h -> h.setBearerAuth(token))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        return (List<Map<String, Object>>) page.get("sessions");
    }

    @Test
    void aVisitorWhoWroteAndLeftWaitsMarkedAsALeftMessageAndOneWhoWroteNothingIsAbandoned() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("offline", 3, department);
        Visitor.Session wrote = withContact(department, "budi@contoh.co.id");
        says(wrote, "Mohon dibantu, NIB saya belum terbit.");
        Visitor.Session silent = withContact(department, "diam@contoh.co.id");
        goneFor(wrote, "1 hour");
        goneFor(silent, "1 hour");

        timeouts.sweep().block(Duration.ofSeconds(30));
        // a second sweep changes nothing more
        timeouts.sweep().block(Duration.ofSeconds(30));

        assertThat(staff.statusOf(wrote.id())).isEqualTo("waiting");
        assertThat(staff.statusOf(silent.id())).isEqualTo("closed");
        List<Map<String, Object>> queue = queueOf(staff.login(agent), department);
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0))
                .containsEntry("session_id", wrote.id())
                .containsEntry("left_message", true);
        assertThat((String) queue.get(0).get("left_message_at")).isNotBlank();
        Map<String, Object> reasons =
                db.sql(
                                "SELECT (SELECT close_reason FROM chat_sessions WHERE id = :s) AS silent,"
                                        + " (SELECT left_message_at < now() - interval '50 minutes'"
                                        + " FROM chat_sessions WHERE id = :w) AS left_when_gone")
                        .bind("s", UUID.fromString(silent.id()))
                        .bind("w", UUID.fromString(wrote.id()))
                        .fetch()
                        .one()
                        .block();
        assertThat(reasons)
                .containsEntry("silent", "abandoned")
                .as("marked at the time the visitor went away")
                .containsEntry("left_when_gone", true);
    }

    @Test
    void theNextMorningsReplyToALeftMessageIsMailedToTheVisitor() throws Exception {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("offline", 3, department);
        String email = "budi-" + UUID.randomUUID().toString().substring(0, 8) + "@contoh.co.id";
        Visitor.Session left = withContact(department, email);
        says(left, "Mohon dibantu, NIB saya belum terbit.");
        goneFor(left, "14 hours");
        timeouts.sweep().block(Duration.ofSeconds(30));

        // the next morning the agent comes online and routing hands it the left message
        String token = staff.login(agent);
        http.put()
                .uri("/api/agents/me/status")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "online"))
                .exchange()
                .expectStatus()
                .isOk();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> agent.id().equals(staff.agentOf(left.id())));
        http.post()
                .uri("/api/chat/session/{id}/messages", left.id())
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of(
                                "client_msg_id",
                                UUID.randomUUID().toString(),
                                "text",
                                "Selamat pagi, NIB Anda sudah terbit."))
                .exchange()
                .expectStatus()
                .isOk();

        await().atMost(Duration.ofSeconds(30)).until(() -> !smtp.to(email).isEmpty());
        MimeMessage mail = smtp.to(email).get(0);
        assertThat(mail.getSubject()).isEqualTo("Balasan baru dari Layanan OSS: Pendaftaran NIB");
        assertThat(TestMail.text(mail)).contains("Selamat pagi, NIB Anda sudah terbit.");
    }
}
