package id.oss.livechat.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.server.audit.AuditTrail;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.TestDatabase;
import id.oss.livechat.server.support.Visitor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Retention with a controllable clock: what is past its period is emptied, what is inside it stays,
 * and the analytics say the same before and after. Two chats are backdated, one by 200 days and one
 * by 10; with 30-day periods the first goes today, the second when the clock is 25 days on.
 */
class RetentionTest extends ServerTest {
    private static final Duration MONTH = Duration.ofDays(30);
    private static final Duration CENTURY = Duration.ofDays(36500);

    @Autowired RetentionRepository store;
    @Autowired AuditTrail audit;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private StaffFixture staff;
    private UUID department;
    private String agentToken;
    private StaffFixture.Member agent;

    @Test
    void dataPastItsPeriodIsEmptiedDataInsideStaysAndTheAnalyticsKeepTheirCounts() {
        staff = new StaffFixture(db, http);
        department = staff.department();
        agent = staff.agent("online", 3, department);
        agentToken = staff.login(agent);
        Chat old = closedChat("lama", Duration.ofDays(200));
        Chat recent = closedChat("baru", Duration.ofDays(10));
        Map<?, ?> before = analytics();
        assertThat(((Map<?, ?>) before.get("totals")).get("sessions")).isEqualTo(2);

        Instant now = Instant.now();
        Retention today = retention(MONTH, CENTURY, Clock.fixed(now, ZoneOffset.UTC));
        RetentionReport report = today.run().block().orElseThrow();

        assertThat(report.messages()).isGreaterThanOrEqualTo(1);
        assertThat(report.mails()).isGreaterThanOrEqualTo(1);
        assertGone(old);
        assertKept(recent);
        assertThat(analytics()).isEqualTo(before);
        assertThat(
                        count(
                                "SELECT count(*) FROM audit_log WHERE action = 'privacy.retention'"
                                        + " AND actor = 'retention'"))
                .isPositive();

        // 25 days on, the recent chat is 35 days old: past its period too
        Retention later =
                retention(
                        MONTH, CENTURY, Clock.fixed(now.plus(Duration.ofDays(25)), ZoneOffset.UTC));
        later.run().block().orElseThrow();
        assertGone(recent);
        assertThat(analytics()).isEqualTo(before);
    }

    @Test
    void whileAnotherNodeHoldsTheJobNothingIsTouched() throws Exception {
        staff = new StaffFixture(db, http);
        department = staff.department();
        agent = staff.agent("online", 3, department);
        agentToken = staff.login(agent);
        Chat old = closedChat("lama", Duration.ofDays(200));
        Retention today = retention(MONTH, CENTURY, Clock.systemUTC());
        try (Connection otherNode = DriverManager.getConnection(TestDatabase.get().jdbcUrl());
                Statement statement = otherNode.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(hashtext('livechat.retention'))");
            assertThat(today.run().block()).isEqualTo(Optional.empty());
            assertKept(old);
            statement.execute("SELECT pg_advisory_unlock(hashtext('livechat.retention'))");
        }
        assertThat(today.run().block()).isPresent();
        assertGone(old);
    }

    @Test
    void auditEntriesArePurgedOnlyPastTheirOwnPeriodAndTheChainStillVerifies() throws Exception {
        demoToken("admin");
        long first = lastAuditId();
        demoToken("supervisor");
        long kept = lastAuditId();
        Instant keptAt =
                db.sql("SELECT at FROM audit_log WHERE id = :id")
                        .bind("id", kept)
                        .map(row -> row.get(0, OffsetDateTime.class).toInstant())
                        .one()
                        .block();
        Duration year = Duration.ofDays(365);
        // a year after the kept entry was written: every entry before it is past its period
        Retention retention =
                new Retention(
                        store,
                        audit,
                        new RetentionPeriods(CENTURY, CENTURY, CENTURY, CENTURY, year, 2),
                        Clock.fixed(keptAt.plus(year), ZoneOffset.UTC));

        RetentionReport report = retention.run().block().orElseThrow();

        assertThat(report.auditEntries()).isPositive();
        assertThat(count("SELECT count(*) FROM audit_log WHERE id <= " + first)).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE id = " + kept)).isEqualTo(1);
        assertThat(count("SELECT min(id) FROM audit_log")).isEqualTo(kept);
        assertThat(ErasureTest.verifyAudit()).startsWith("0 ").contains("verify-audit: OK");
        // the purge itself is in the trail, with how much went
        assertThat(
                        count(
                                "SELECT count(*) FROM audit_log WHERE action = 'privacy.retention'"
                                        + " AND detail LIKE '%audit entries before%'"))
                .isPositive();

        // someone cuts the oldest entry without retention recording it: caught
        try (Connection someone = DriverManager.getConnection(TestDatabase.get().jdbcUrl());
                Statement statement = someone.createStatement()) {
            statement.execute(
                    "CREATE TEMP TABLE cut AS SELECT * FROM audit_log WHERE id = " + kept);
            someone.setAutoCommit(false);
            statement.execute("SET LOCAL livechat.audit_purge = 'on'");
            statement.execute("DELETE FROM audit_log WHERE id = " + kept);
            someone.commit();
            try {
                assertThat(ErasureTest.verifyAudit()).startsWith("1 ").contains("BROKEN");
            } finally {
                // the entry back as it was, so the chain of the shared test database holds
                statement.execute("INSERT INTO audit_log SELECT * FROM cut");
                someone.commit();
            }
        }
        assertThat(ErasureTest.verifyAudit()).startsWith("0 ");
    }

    private Retention retention(Duration data, Duration auditPeriod, Clock clock) {
        return new Retention(
                store, audit, new RetentionPeriods(data, data, data, data, auditPeriod, 1), clock);
    }

    private record Chat(String sessionId, String email, String text, String ip, String nib) {}

    /** A chat with contact form, a message each way and a transcript mail, then moved back. */
    private Chat closedChat(String name, Duration age) {
        String email = name + "-" + tag + "@contoh.co.id";
        String text = "Pesan " + name + " " + tag;
        String ip = "203.0.113." + (1 + Math.abs((name + tag).hashCode() % 250));
        String nib = String.valueOf(9_100_000_000_000L + Math.abs((name + tag).hashCode()));
        Visitor.Session session = startWithCase(nib);
        Map<String, Object> contact = new HashMap<>(Visitor.johnDoe());
        contact.put("contact_email", email);
        new Visitor(http).contact(session, contact).expectStatus().isOk();
        send("/api/oss-chat/session/" + session.id() + "/messages", session.token(), text);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> agent.id().equals(staff.agentOf(session.id())));
        send("/api/chat/session/" + session.id() + "/messages", agentToken, "Balasan " + text);
        http.post()
                .uri("/api/chat/close")
                .headers(h -> h.setBearerAuth(agentToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", session.id()))
                .exchange()
                .expectStatus()
                .isOk();
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                count(
                                                "SELECT count(*) FROM mail_outbox WHERE session_id = '"
                                                        + session.id()
                                                        + "'")
                                        > 0);
        // and handed over: retention rightly spares a mail the worker holds at that moment
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                count(
                                                "SELECT count(*) FROM mail_outbox WHERE session_id = '"
                                                        + session.id()
                                                        + "' AND status IN ('pending', 'sending')")
                                        == 0);
        String interval = "interval '" + age.toDays() + " days'";
        String id = "'" + session.id() + "'";
        for (String sql :
                new String[] {
                    "UPDATE chat_sessions SET started_at = started_at - %1$s, queued_at = queued_at - %1$s,"
                            + " assigned_at = assigned_at - %1$s, first_response_at = first_response_at - %1$s,"
                            + " ended_at = ended_at - %1$s, visitor_last_seen_at = visitor_last_seen_at - %1$s"
                            + " WHERE id = %2$s",
                    "UPDATE chat_messages SET sent_at = sent_at - %1$s WHERE session_id = %2$s",
                    "UPDATE chat_users SET ip_address = '"
                            + ip
                            + "', updated_at = updated_at - %1$s, created_at = created_at - %1$s"
                            + " WHERE id = (SELECT chat_user_id FROM chat_sessions WHERE id = %2$s)",
                    "UPDATE mail_outbox SET created_at = created_at - %1$s, sent_at = sent_at - %1$s"
                            + " WHERE session_id = %2$s",
                }) {
            db.sql(String.format(sql, interval, id)).then().block();
        }
        return new Chat(session.id(), email, text, ip, nib);
    }

    /** A chat waiting in the test's department with the citizen's case (a NIB names a business). */
    private Visitor.Session startWithCase(String nib) {
        Visitor visitor = new Visitor(http);
        Map<String, Object> context = new java.util.LinkedHashMap<>();
        context.put("nib", nib);
        context.put("application_number", "PB-" + nib);
        context.put("licence_type", "Sertifikat Standar");
        context.put("province", "DKI Jakarta");
        Map<String, Object> request = new HashMap<>();
        request.put("browser_uuid", visitor.browserUuid.toString());
        request.put("topic", "Izin usaha " + tag);
        request.put("department_id", department.toString());
        request.put("context", context);
        return visitor.start(request);
    }

    /** Session contexts of the chat that still name its business (NIB or application number). */
    private long casesNaming(Chat chat) {
        return count(
                "SELECT count(*) FROM session_contexts WHERE session_id = '"
                        + chat.sessionId()
                        + "' AND (nib = '"
                        + chat.nib()
                        + "' OR application_number = 'PB-"
                        + chat.nib()
                        + "')");
    }

    private void assertGone(Chat chat) {
        assertThat(messagesHolding(chat)).isZero();
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_messages WHERE session_id = '"
                                        + chat.sessionId()
                                        + "' AND body = '[dihapus]'"))
                .isEqualTo(2);
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_session_contacts WHERE contact_email = '"
                                        + chat.email()
                                        + "'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM chat_users WHERE ip_address = '" + chat.ip() + "'"))
                .isZero();
        assertThat(casesNaming(chat)).isZero();
        // the case row stays without them: the analytics by licence type and province keep it
        assertThat(
                        count(
                                "SELECT count(*) FROM session_contexts WHERE session_id = '"
                                        + chat.sessionId()
                                        + "' AND province = 'DKI Jakarta'"))
                .isEqualTo(1);
        assertThat(
                        count(
                                "SELECT count(*) FROM mail_outbox WHERE session_id = '"
                                        + chat.sessionId()
                                        + "'"))
                .isZero();
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_sessions WHERE id = '"
                                        + chat.sessionId()
                                        + "'"))
                .isEqualTo(1);
    }

    private void assertKept(Chat chat) {
        assertThat(messagesHolding(chat)).isEqualTo(2);
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_session_contacts WHERE contact_email = '"
                                        + chat.email()
                                        + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM chat_users WHERE ip_address = '" + chat.ip() + "'"))
                .isEqualTo(1);
        assertThat(casesNaming(chat)).isEqualTo(1);
        assertThat(
                        count(
                                "SELECT count(*) FROM mail_outbox WHERE session_id = '"
                                        + chat.sessionId()
                                        + "'"))
                .isPositive();
    }

    private long messagesHolding(Chat chat) {
        return count("SELECT count(*) FROM chat_messages WHERE body LIKE '%" + chat.text() + "%'");
    }

    private long lastAuditId() {
        return count("SELECT max(id) FROM audit_log");
    }

    /** The report over the last 210 days of the test's department: counts, times, ratings. */
    private Map<?, ?> analytics() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        return http.get()
                .uri(
                        "/api/analytics?from="
                                + today.minusDays(210)
                                + "&to="
                                + today
                                + "&department_id="
                                + department)
                .headers(h -> h.setBearerAuth(demoToken("supervisor")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private void send(String uri, String token, String text) {
        http.post()
                .uri(uri)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("client_msg_id", UUID.randomUUID().toString(), "text", text))
                .exchange()
                .expectStatus()
                .isOk();
    }
}
