package id.oss.livechat.server.analytics;

import static id.oss.livechat.server.analytics.ScriptedSession.JAKARTA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.server.LiveChatServer;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The dashboard's "now" on a server with a database of its own, so that its totals hold only what
 * these tests made: who waits where and for how long, and where nobody can answer them.
 */
class AnalyticsNowTest {
    @TempDir static Path data;
    static ConfigurableApplicationContext app;
    static WebTestClient http;
    static DatabaseClient db;
    static StaffFixture staff;
    static String supervisor;

    @BeforeAll
    static void aServerOfItsOwn() {
        app =
                new SpringApplicationBuilder(LiveChatServer.class)
                        .run(
                                "--DB_HOST=",
                                "--LIVECHAT_DATA_DIR=" + data,
                                "--server.port=0",
                                "--LIVECHAT_DEMO=false",
                                "--JWT_SECRET=analytics-now-test-secret-long-enough-to-sign",
                                "--OSS_IDENTITY_SECRET=analytics-now-identity-secret-0123456789",
                                // only what a test does moves a session
                                "--ROUTING_SWEEP_INTERVAL=1h",
                                "--ABANDON_AFTER=1000h",
                                "--UNANSWERED_AFTER=1000h");
        http =
                WebTestClient.bindToServer()
                        .baseUrl(
                                "http://localhost:"
                                        + app.getEnvironment().getProperty("local.server.port"))
                        .responseTimeout(Duration.ofSeconds(30))
                        .build();
        db = app.getBean(DatabaseClient.class);
        staff = new StaffFixture(db, http);
        supervisor = staff.login(staff.member("supervisor", "away", 3));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void theLongestWaitNowAndTheDepartmentsWhereVisitorsWaitWithNoAgentOnline() {
        UUID staffed = staff.department();
        UUID unstaffed = staff.department();
        UUID leftOnly = staff.department();
        UUID quiet = staff.department();
        staff.agent("online", 3, staffed);
        // an away agent and an online supervisor do not answer the queue by themselves
        staff.agent("away", 3, unstaffed);
        staff.member("supervisor", "online", 3, unstaffed);

        Instant base = baseToday();
        // the oldest waiting chat is a left message: its visitor is gone, nobody waits there
        ScriptedSession.at(leftOnly, base).waiting().leftMessageAfter(100).insert(db);
        ScriptedSession w1 = ScriptedSession.at(staffed, base.plusSeconds(30)).waiting();
        w1.insert(db);
        ScriptedSession.at(staffed, base.plusSeconds(200)).waiting().insert(db);
        ScriptedSession w3 = ScriptedSession.at(unstaffed, base.plusSeconds(60)).waiting();
        w3.insert(db);

        Map<String, Object> dashboard = dashboard();
        Instant now = Instant.parse((String) dashboard.get("generated_at"));
        assertThat(dashboard)
                .containsEntry("waiting", 4)
                .containsEntry("left_messages_waiting", 1)
                .containsEntry("longest_wait_seconds", secondsBetween(w1.start(), now));

        assertThat(department(dashboard, staffed))
                .containsEntry("waiting", 2)
                .containsEntry("left_messages_waiting", 0)
                .containsEntry("longest_wait_seconds", secondsBetween(w1.start(), now))
                .containsEntry("agents_online", 1)
                .containsEntry("unstaffed", false);
        assertThat(department(dashboard, unstaffed))
                .containsEntry("waiting", 1)
                .containsEntry("longest_wait_seconds", secondsBetween(w3.start(), now))
                .containsEntry("agents_online", 0)
                .containsEntry("unstaffed", true);
        Map<String, Object> left = department(dashboard, leftOnly);
        assertThat(left)
                .containsEntry("waiting", 1)
                .containsEntry("left_messages_waiting", 1)
                .containsEntry("longest_wait_seconds", null)
                .containsEntry("agents_online", 0)
                .containsEntry("unstaffed", false);
        assertThat((Map<String, Object>) left.get("today"))
                .containsEntry("sessions", 1)
                .containsEntry("left_messages", 1)
                .containsEntry("abandoned", 0);
        assertThat(department(dashboard, quiet))
                .containsEntry("waiting", 0)
                .containsEntry("longest_wait_seconds", null)
                .containsEntry("unstaffed", false);
    }

    @SuppressWarnings("unchecked")
    @Test
    void aChatTransferredIntoAnEmptyDepartmentAndClosedUnansweredIsAbandoned() {
        UUID from = staff.department();
        UUID empty = staff.department();
        StaffFixture.Member agent = staff.agent("online", 3, from);
        String agentToken = staff.login(agent);

        // routing hands the new chat to the online agent, who hands it on to a department where
        // nobody works; a supervisor closes it there, unanswered
        Visitor.Session chat = staff.waitingSession(from, "normal");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "active".equals(staff.statusOf(chat.id())));
        post(
                agentToken,
                "/api/chat/transfer",
                Map.of("session_id", chat.id(), "department_id", empty.toString()));
        assertThat(staff.statusOf(chat.id())).isEqualTo("waiting");
        post(
                supervisor,
                "/api/chat/close",
                Map.of("session_id", chat.id(), "reason", "Tidak ada petugas"));

        Map<String, Object> dashboard = dashboard();
        Map<String, Object> today = (Map<String, Object>) department(dashboard, empty).get("today");
        assertThat(today)
                .containsEntry("sessions", 1)
                .containsEntry("assigned", 1)
                .containsEntry("abandoned", 1)
                .containsEntry("abandonment_rate", 1.0)
                .containsEntry("left_messages", 0);
    }

    /** Ten minutes ago, or the first second of today if today is younger (just after midnight). */
    private static Instant baseToday() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant startOfToday = LocalDate.now(JAKARTA).atStartOfDay(JAKARTA).toInstant();
        Instant tenMinutesAgo = now.minus(Duration.ofMinutes(10));
        return tenMinutesAgo.isBefore(startOfToday) ? startOfToday.plusSeconds(1) : tenMinutesAgo;
    }

    /** As the server reports an age: whole milliseconds, in seconds. */
    private static double secondsBetween(Instant start, Instant now) {
        return Duration.between(start, now).toMillis() / 1000.0;
    }

    private static Map<String, Object> dashboard() {
        return http.get()
                .uri("/api/analytics/dashboard")
                .headers(h -> h.setBearerAuth(supervisor))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> department(Map<String, Object> dashboard, UUID id) {
        return ((List<Map<String, Object>>) dashboard.get("departments"))
                .stream()
                        .filter(
                                d ->
                                        id.toString()
                                                .equals(
                                                        ((Map<String, Object>) d.get("department"))
                                                                .get("id")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no department " + id));
    }

    private static void post(String token, String uri, Map<String, Object> body) {
        http.post()
                .uri(uri)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
    }
}
