package id.oss.livechat.server.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.server.routing.Router;
import id.oss.livechat.server.routing.SessionTimeouts;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.SettableClock;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.TestMail;
import id.oss.livechat.server.support.Visitor;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Christmas 2037 falls on a Friday. A department open Monday to Friday 08:00–16:00 WIB keeps it as
 * a holiday: a citizen who writes that morning is told it is closed, nothing is assigned although
 * an agent is online, the message goes to the department by mail and waits; on Monday at 08:00 the
 * chats are handed out, and the analytics count only the open time as waiting. The server's clock
 * is the test's ({@link SettableClock}).
 */
class HolidayHoursTest extends ServerTest {
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String QUESTION = "Selamat pagi, izin usaha saya ditolak, mohon dibantu.";

    @Autowired SettableClock clock;
    @Autowired Router router;
    @Autowired SessionTimeouts timeouts;
    private final TestMail smtp = TestMail.get();
    private StaffFixture staff;
    private UUID department;
    private String departmentEmail;
    private StaffFixture.Member agent;
    private String admin;

    private static Instant wib(String local) {
        return LocalDateTime.parse(local).atZone(WIB).toInstant();
    }

    @BeforeEach
    void aDepartmentWithOfficeHours() {
        staff = new StaffFixture(db, http);
        department = staff.department();
        departmentEmail =
                db.sql("SELECT email FROM departments WHERE id = :d")
                        .bind("d", department)
                        .map(row -> row.get(0, String.class))
                        .one()
                        .block();
        agent = staff.agent("away", 3, department);
        admin = demoToken("admin");
        http.put()
                .uri("/api/departments/{id}/hours", department)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(admin))
                .bodyValue(HoursApiTest.officeHours("Asia/Jakarta"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    @AfterEach
    void backToToday() {
        clock.reset();
        db.sql(
                        "UPDATE chat_sessions SET status = 'closed', ended_at = now(),"
                                + " close_reason = 'test over' WHERE status <> 'closed' AND department_id = :d")
                .bind("d", department)
                .then()
                .block();
    }

    private Visitor.Session startChat(String name) {
        Visitor visitor = new Visitor(http);
        Visitor.Session session =
                visitor.start(
                        Map.of(
                                "browser_uuid", visitor.browserUuid.toString(),
                                "topic_code", "perizinan",
                                "department_id", department.toString()));
        Map<String, Object> contact = new HashMap<>(Visitor.johnDoe());
        contact.put("contact_name", name);
        contact.put("contact_email", name.toLowerCase().replace(' ', '.') + "@contoh.co.id");
        visitor.contact(session, contact).expectStatus().isOk().expectBody();
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
                .isOk()
                .expectBody();
    }

    private void agentGoes(String token, String status) {
        http.put()
                .uri("/api/agents/me/status")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", status))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private Map<String, Object> row(String sessionId) {
        return db.sql(
                        "SELECT status, agent_id, left_message_at IS NOT NULL AS left_message,"
                                + " open_wait_seconds FROM chat_sessions WHERE id = :id")
                .bind("id", UUID.fromString(sessionId))
                .fetch()
                .one()
                .block();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> publicDepartment() {
        Map<String, Object> list =
                http.get()
                        .uri("/api/oss-chat/departments")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        return ((List<Map<String, Object>>) list.get("departments"))
                .stream()
                        .filter(d -> department.toString().equals(d.get("id")))
                        .findFirst()
                        .orElseThrow();
    }

    private List<String> mailSubjectsTo(String address) {
        return smtp.to(address).stream().map(HolidayHoursTest::subject).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage m) {
        try {
            return new String(
                    m.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void nothingIsAssignedOnTheHolidayTheMessageIsMailedAndWaitsAndMondayHandsItOut() {
        String agentToken = staff.login(agent);

        // Thursday 15:59, a minute before closing: the agent is away, so a chat waits
        clock.set(wib("2037-12-24T15:59:00"));
        Visitor.Session thursday = startChat("Ani Wijaya");

        // Christmas morning: the agent is online, yet the department is closed
        clock.set(wib("2037-12-25T10:00:00"));
        agentGoes(agentToken, "online");
        Map<String, Object> listed = publicDepartment();
        assertThat(listed)
                .containsEntry("open_now", false)
                .containsEntry("next_open_at", "2037-12-28T01:00:00Z")
                .containsEntry("time_zone", "Asia/Jakarta")
                .containsEntry("agents_online", 1);
        Visitor.Session christmas = startChat("Budi Santoso");
        assertThat(christmas.body())
                .as("nobody can promise a time while the desk is closed")
                .containsEntry("expected_wait_seconds", null)
                .containsEntry("status", "waiting");
        says(christmas, QUESTION);

        // the message goes to the department's address, as written outside the opening hours
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                mailSubjectsTo(departmentEmail).stream()
                                        .anyMatch(
                                                s ->
                                                        s.startsWith(
                                                                "Pesan pengunjung di luar jam layanan")));
        MimeMessage mail =
                smtp.to(departmentEmail).stream()
                        .filter(m -> subject(m).startsWith("Pesan pengunjung di luar jam layanan"))
                        .findFirst()
                        .orElseThrow();
        assertThat(text(mail)).contains(QUESTION).contains("Budi Santoso");
        // written while closed: a left message at once, never closed as abandoned
        await().atMost(Duration.ofSeconds(10))
                .until(() -> (Boolean) row(christmas.id()).get("left_message"));

        // routing runs (as its sweep does every few seconds) and assigns nothing; nor may staff
        // ask routing to
        router.routeAll().block(Duration.ofSeconds(30));
        assertThat(row(thursday.id()))
                .containsEntry("status", "waiting")
                .containsEntry("agent_id", null);
        assertThat(row(christmas.id()))
                .containsEntry("status", "waiting")
                .containsEntry("agent_id", null);
        http.post()
                .uri("/api/chat/assign")
                .headers(h -> h.setBearerAuth(agentToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", christmas.id()))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("department_closed");

        // the long weekend: the citizen closed the portal long ago; the queue's housekeeping keeps
        // the left message
        db.sql(
                        "UPDATE chat_sessions SET visitor_last_seen_at = now() - interval '3 days' WHERE id = :id")
                .bind("id", UUID.fromString(christmas.id()))
                .then()
                .block();
        timeouts.sweep().block(Duration.ofSeconds(30));
        assertThat(row(christmas.id())).containsEntry("status", "waiting");

        // Monday 08:00:30 WIB: open; the sweep hands both chats to the agent, oldest first
        clock.set(wib("2037-12-28T08:00:30"));
        assertThat(publicDepartment())
                .containsEntry("open_now", true)
                .containsEntry("next_open_at", null);
        await().atMost(Duration.ofSeconds(40))
                .until(
                        () ->
                                agent.id().equals(row(christmas.id()).get("agent_id"))
                                        && agent.id().equals(row(thursday.id()).get("agent_id")));
        String transcript =
                http.get()
                        .uri("/api/chat/session/{id}/messages", christmas.id())
                        .headers(h -> h.setBearerAuth(agentToken))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(transcript).contains(QUESTION);

        // Thursday's visitor waited one open minute before closing and 30 open seconds on Monday
        await().atMost(Duration.ofSeconds(10))
                .until(() -> row(thursday.id()).get("open_wait_seconds") != null);
        assertThat(row(thursday.id()).get("open_wait_seconds")).isEqualTo(90.0);
        http.get()
                .uri(
                        "/api/analytics?from=2037-12-24&to=2037-12-25&group_by=department&department_id={d}",
                        department)
                .headers(h -> h.setBearerAuth(demoToken("supervisor")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.totals.sessions")
                .isEqualTo(2)
                .jsonPath("$.totals.assigned")
                .isEqualTo(2)
                .jsonPath("$.totals.left_messages")
                .isEqualTo(1)
                // the left message kept nobody waiting; the other waited 90 open seconds, not 64
                // hours
                .jsonPath("$.totals.avg_wait_seconds")
                .isEqualTo(90.0);
    }
}
