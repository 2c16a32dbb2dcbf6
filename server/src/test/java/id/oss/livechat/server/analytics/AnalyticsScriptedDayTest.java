package id.oss.livechat.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.LiveChatServer;
import id.oss.livechat.server.support.ApiErrors;
import id.oss.livechat.server.support.StaffFixture;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A scripted day of sessions with known timestamps, on a server with a database of its own, so
 * every figure of the report and the dashboard can be computed by hand below.
 */
class AnalyticsScriptedDayTest {
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final SecureRandom RANDOM = new SecureRandom();
    @TempDir static Path data;
    static ConfigurableApplicationContext app;
    static WebTestClient http;
    static DatabaseClient db;
    static String supervisor;
    static UUID perizinan;
    static UUID teknis;
    static UUID kosong;
    static StaffFixture.Member agus;
    static StaffFixture.Member budi;
    static StaffFixture.Member citra;

    @BeforeAll
    static void aHelpDeskWithAScriptedDay() {
        app =
                new SpringApplicationBuilder(LiveChatServer.class)
                        .run(
                                "--DB_HOST=",
                                "--LIVECHAT_DATA_DIR=" + data,
                                "--server.port=0",
                                "--LIVECHAT_DEMO=false",
                                "--JWT_SECRET=analytics-test-secret-long-enough-to-sign",
                                "--OSS_IDENTITY_SECRET=analytics-test-identity-secret-0123456789",
                                // nothing may move the scripted sessions while the test looks at
                                // them
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
        StaffFixture staff = new StaffFixture(db, http);
        perizinan = staff.department();
        teknis = staff.department();
        agus = staff.agent("online", 1, perizinan);
        budi = staff.agent("away", 3, perizinan, teknis);
        citra = staff.agent("online", 3, teknis);
        supervisor = staff.login(staff.member("supervisor", "away", 3));

        // 2025-03-10, Jakarta time (UTC+7)
        session(perizinan, agus, "OSS-777", "2025-03-10T09:00:00", 60, 90, 1200, 5); // S1
        session(perizinan, budi, "OSS-777", "2025-03-10T09:10:00", 180, 240, 1800, 3); // S2
        session(
                perizinan,
                null,
                null,
                "2025-03-10T10:00:00",
                null,
                null,
                300,
                null); // S3 abandoned
        session(teknis, citra, null, "2025-03-10T11:00:00", 30, 150, 1800, null); // S4
        session(teknis, budi, null, "2025-03-10T13:00:00", 120, null, 600, 1); // S5 no reply
        session(teknis, citra, null, "2025-03-10T23:30:00", 60, 80, 1200, null); // S6 late evening
        session(perizinan, null, null, "2025-03-11T00:10:00", null, null, 600, null); // S7 next day
        session(
                perizinan,
                null,
                null,
                "2025-03-09T23:50:00",
                null,
                null,
                300,
                null); // S8 day before

        // 2025-03-12: how chats end when nobody answers them. Kosong has no staff at all.
        kosong = staff.department();
        // X1: Agus served it in Perizinan, transferred it into Kosong, a supervisor closed it
        // there unanswered
        ScriptedSession.at(kosong, "2025-03-12T09:00:00")
                .previousAgent(agus.id())
                .assignedAfter(60)
                .answeredAfter(90)
                .endedAfter(900, "Tidak ada petugas")
                .insert(db);
        // X2: Budi never answered, the chat went back to the queue, the visitor went away
        ScriptedSession.at(kosong, "2025-03-12T10:00:00")
                .previousAgent(budi.id())
                .assignedAfter(30)
                .endedAfter(700, "abandoned")
                .insert(db);
        // X3: the visitor ended it while waiting
        ScriptedSession.at(kosong, "2025-03-12T11:00:00")
                .endedAfter(120, "visitor_ended")
                .insert(db);
        // X4: the visitor ended it while Citra was answering: a normal end
        ScriptedSession.at(kosong, "2025-03-12T12:00:00")
                .agent(citra.id())
                .assignedAfter(40)
                .answeredAfter(50)
                .endedAfter(300, "visitor_ended")
                .insert(db);
        // X5: a left message, answered by Budi six hours later
        ScriptedSession.at(kosong, "2025-03-12T13:00:00")
                .leftMessageAfter(240)
                .agent(budi.id())
                .assignedAfter(21600)
                .answeredAfter(21660)
                .endedAfter(22200, "resolved")
                .insert(db);
        // X6: a left message a supervisor closed while it waited
        ScriptedSession.at(kosong, "2025-03-12T14:00:00")
                .leftMessageAfter(180)
                .endedAfter(3600, "Pesan uji")
                .insert(db);
        // X7: a left message whose visitor came back and ended it while it waited
        ScriptedSession.at(kosong, "2025-03-12T15:00:00")
                .leftMessageAfter(100)
                .endedAfter(5000, "visitor_ended")
                .insert(db);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** A closed session: seconds after its start when it was assigned, first answered and ended. */
    static void session(
            UUID department,
            StaffFixture.Member agent,
            String ossUser,
            String localStart,
            Integer assignedAfter,
            Integer answeredAfter,
            int endedAfter,
            Integer rating) {
        Instant start = java.time.LocalDateTime.parse(localStart).atZone(JAKARTA).toInstant();
        insert(
                department,
                agent,
                ossUser,
                "closed",
                start,
                assignedAfter,
                answeredAfter,
                endedAfter,
                rating);
    }

    static void insert(
            UUID department,
            StaffFixture.Member agent,
            String ossUser,
            String status,
            Instant start,
            Integer assignedAfter,
            Integer answeredAfter,
            Integer endedAfter,
            Integer rating) {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        UUID visitor =
                db.sql(
                                ossUser == null
                                        ? "INSERT INTO chat_users (browser_uuid) VALUES (gen_random_uuid()) RETURNING id"
                                        : "INSERT INTO chat_users (oss_user_id, email, is_anonymous) VALUES ('"
                                                + ossUser
                                                + "', 'budi@contoh.co.id', false)"
                                                + " ON CONFLICT (oss_user_id) WHERE deleted_at IS NULL DO UPDATE SET updated_at = now() RETURNING id")
                        .map(row -> row.get(0, UUID.class))
                        .one()
                        .block();
        var spec =
                db.sql(
                                """
                INSERT INTO chat_sessions (chat_user_id, department_id, agent_id, topic, status, started_at, queued_at,
                                           assigned_at, first_response_at, ended_at, close_reason, rating, rated_at, visitor_token_hash)
                VALUES (:visitor, :dept, :agent, 'Skenario', :status, :start, :start, :assigned, :answered, :ended,
                        :reason, :rating, :rated, :token)""")
                        .bind("visitor", visitor)
                        .bind("dept", department)
                        .bind("status", status)
                        .bind("start", start)
                        .bind("token", ByteBuffer.wrap(token));
        spec = bindNullable(spec, "agent", agent == null ? null : agent.id(), UUID.class);
        spec = bindNullable(spec, "assigned", plus(start, assignedAfter), Instant.class);
        spec = bindNullable(spec, "answered", plus(start, answeredAfter), Instant.class);
        spec = bindNullable(spec, "ended", plus(start, endedAfter), Instant.class);
        spec =
                bindNullable(
                        spec,
                        "reason",
                        endedAfter == null
                                ? null
                                : assignedAfter == null ? "abandoned" : "resolved",
                        String.class);
        spec =
                bindNullable(
                        spec, "rating", rating == null ? null : rating.shortValue(), Short.class);
        spec =
                bindNullable(
                        spec,
                        "rated",
                        rating == null ? null : plus(start, endedAfter + 30),
                        Instant.class);
        spec.then().block();
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindNullable(
            DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static Instant plus(Instant start, Integer seconds) {
        return seconds == null ? null : start.plusSeconds(seconds);
    }

    private static Map<String, Object> get(String uri) {
        return http.get()
                .uri(uri)
                .headers(h -> h.setBearerAuth(supervisor))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(
                        new org.springframework.core.ParameterizedTypeReference<
                                Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rowOf(Map<String, Object> report, String key) {
        return ((List<Map<String, Object>>) report.get("rows"))
                .stream()
                        .filter(r -> key.equals(r.get("key")))
                        .findFirst()
                        .map(r -> (Map<String, Object>) r.get("measures"))
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "no row " + key + " in " + report.get("rows")));
    }

    /** The measures in the order of the record: the expected values computed by hand. */
    private static void expect(
            Map<String, Object> measures,
            long sessions,
            long assigned,
            long abandoned,
            Double abandonmentRate,
            Double avgWait,
            Double avgFirstResponse,
            Double avgDuration,
            long agents,
            Double chatsPerAgent,
            long rated,
            Double avgRating) {
        assertThat(((Number) measures.get("sessions")).longValue())
                .as("sessions")
                .isEqualTo(sessions);
        assertThat(((Number) measures.get("assigned")).longValue())
                .as("assigned")
                .isEqualTo(assigned);
        assertThat(((Number) measures.get("abandoned")).longValue())
                .as("abandoned")
                .isEqualTo(abandoned);
        assertThat(decimal(measures, "abandonment_rate"))
                .as("abandonment_rate")
                .isEqualTo(abandonmentRate);
        assertThat(decimal(measures, "avg_wait_seconds")).as("avg_wait_seconds").isEqualTo(avgWait);
        assertThat(decimal(measures, "avg_first_response_seconds"))
                .as("avg_first_response_seconds")
                .isEqualTo(avgFirstResponse);
        assertThat(decimal(measures, "avg_duration_seconds"))
                .as("avg_duration_seconds")
                .isEqualTo(avgDuration);
        assertThat(((Number) measures.get("agents")).longValue()).as("agents").isEqualTo(agents);
        assertThat(decimal(measures, "chats_per_agent"))
                .as("chats_per_agent")
                .isEqualTo(chatsPerAgent);
        assertThat(((Number) measures.get("rated")).longValue()).as("rated").isEqualTo(rated);
        assertThat(decimal(measures, "avg_rating")).as("avg_rating").isEqualTo(avgRating);
    }

    private static Double decimal(Map<String, Object> measures, String name) {
        Object value = measures.get(name);
        return value == null ? null : ((Number) value).doubleValue();
    }

    @SuppressWarnings("unchecked")
    @Test
    void theReportOfTheDayMatchesTheHandComputedFigures() {
        Map<String, Object> day =
                get("/api/analytics?from=2025-03-10&to=2025-03-10&group_by=department");
        assertThat(day)
                .containsEntry("from", "2025-03-10")
                .containsEntry("to", "2025-03-10")
                .containsEntry("timezone", "Asia/Jakarta");
        // S1..S6: waits 60 180 30 120 60; first responses 30 60 120 20; durations 1200 1800 300
        // 1800 600 1200
        expect(
                (Map<String, Object>) day.get("totals"),
                6,
                5,
                1,
                0.1667,
                90.0,
                57.5,
                1150.0,
                3,
                1.67,
                3,
                3.0);
        expect(
                rowOf(day, perizinan.toString()),
                3,
                2,
                1,
                0.3333,
                120.0,
                45.0,
                1100.0,
                2,
                1.0,
                2,
                4.0);
        expect(rowOf(day, teknis.toString()), 3, 3, 0, 0.0, 70.0, 70.0, 1200.0, 2, 1.5, 1, 1.0);
        assertThat((List<?>) day.get("rows")).hasSize(2);

        Map<String, Object> byAgent =
                get("/api/analytics?from=2025-03-10&to=2025-03-10&group_by=agent");
        expect(
                rowOf(byAgent, agus.id().toString()),
                1,
                1,
                0,
                0.0,
                60.0,
                30.0,
                1200.0,
                1,
                1.0,
                1,
                5.0);
        expect(
                rowOf(byAgent, budi.id().toString()),
                2,
                2,
                0,
                0.0,
                150.0,
                60.0,
                1200.0,
                1,
                2.0,
                2,
                2.0);
        expect(
                rowOf(byAgent, citra.id().toString()),
                2,
                2,
                0,
                0.0,
                45.0,
                70.0,
                1500.0,
                1,
                2.0,
                0,
                null);
        expect(rowOf(byAgent, "none"), 1, 0, 1, 1.0, null, null, 300.0, 0, null, 0, null);

        Map<String, Object> byUser =
                get("/api/analytics?from=2025-03-10&to=2025-03-10&group_by=oss_user");
        expect(rowOf(byUser, "OSS-777"), 2, 2, 0, 0.0, 120.0, 45.0, 1500.0, 2, 1.0, 2, 4.0);
        expect(rowOf(byUser, "anonymous"), 4, 3, 1, 0.25, 70.0, 70.0, 975.0, 2, 1.5, 1, 1.0);
    }

    @SuppressWarnings("unchecked")
    @Test
    void daysAreTheHelpDesksDaysAndEveryDayOfTheRangeIsListed() {
        Map<String, Object> days = get("/api/analytics?from=2025-03-08&to=2025-03-11&group_by=day");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) days.get("rows");
        assertThat(rows)
                .extracting(r -> r.get("key"))
                .containsExactly("2025-03-08", "2025-03-09", "2025-03-10", "2025-03-11");
        expect(rowOf(days, "2025-03-08"), 0, 0, 0, null, null, null, null, 0, null, 0, null);
        // S8 started 23:50 Jakarta on the 9th (16:50 UTC), S7 at 00:10 on the 11th (17:10 UTC on
        // the 10th)
        expect(rowOf(days, "2025-03-09"), 1, 0, 1, 1.0, null, null, 300.0, 0, null, 0, null);
        expect(rowOf(days, "2025-03-10"), 6, 5, 1, 0.1667, 90.0, 57.5, 1150.0, 3, 1.67, 3, 3.0);
        expect(rowOf(days, "2025-03-11"), 1, 0, 1, 1.0, null, null, 600.0, 0, null, 0, null);
        expect(
                // durations 6900 s on the 10th, 600 s and 300 s on the others: 7800 / 8 = 975
                (Map<String, Object>) days.get("totals"),
                8,
                5,
                3,
                0.375,
                90.0,
                57.5,
                975.0,
                3,
                1.67,
                3,
                3.0);
    }

    @SuppressWarnings("unchecked")
    @Test
    void aReportFiltersByDepartmentAndAgent() {
        Map<String, Object> one =
                get(
                        "/api/analytics?from=2025-03-10&to=2025-03-10&group_by=day&department_id="
                                + teknis
                                + "&agent_id="
                                + budi.id());
        // only S5: assigned after 120 s, never answered, ended after 600 s, rated 1
        expect(
                (Map<String, Object>) one.get("totals"),
                1,
                1,
                0,
                0.0,
                120.0,
                null,
                600.0,
                1,
                1.0,
                1,
                1.0);
    }

    @SuppressWarnings("unchecked")
    @Test
    void theDashboardShowsNowAndTodayInTotalAndPerDepartment() {
        Instant now = Instant.now();
        Instant startOfToday = LocalDate.now(JAKARTA).atStartOfDay(JAKARTA).toInstant();
        Instant base =
                now.minus(Duration.ofMinutes(10)).isBefore(startOfToday)
                        ? startOfToday.plusSeconds(1)
                        : now.minus(Duration.ofMinutes(10));
        insert(perizinan, null, null, "waiting", base, null, null, null, null); // T1 waits
        insert(
                perizinan,
                agus,
                null,
                "active",
                base.plusSeconds(60),
                45,
                60,
                null,
                null); // T2 with Agus
        insert(
                teknis,
                null,
                null,
                "closed",
                base.plusSeconds(200),
                null,
                null,
                120,
                null); // T3 abandoned

        Map<String, Object> dashboard = get("/api/analytics/dashboard");
        assertThat(dashboard)
                .containsEntry("waiting", 1)
                .containsEntry("active", 1)
                .containsEntry("agents_online", 2)
                .containsEntry("timezone", "Asia/Jakarta");
        expect(
                (Map<String, Object>) dashboard.get("today"),
                3,
                1,
                1,
                0.5,
                45.0,
                15.0,
                120.0,
                1,
                1.0,
                0,
                null);
        List<Map<String, Object>> departments =
                (List<Map<String, Object>>) dashboard.get("departments");
        Map<String, Object> d1 =
                departments.stream()
                        .filter(
                                d ->
                                        ((Map<String, Object>) d.get("department"))
                                                .get("id")
                                                .equals(perizinan.toString()))
                        .findFirst()
                        .orElseThrow();
        Map<String, Object> d2 =
                departments.stream()
                        .filter(
                                d ->
                                        ((Map<String, Object>) d.get("department"))
                                                .get("id")
                                                .equals(teknis.toString()))
                        .findFirst()
                        .orElseThrow();
        assertThat(d1)
                .containsEntry("waiting", 1)
                .containsEntry("active", 1)
                .containsEntry("agents_online", 1);
        expect(
                (Map<String, Object>) d1.get("today"),
                2,
                1,
                0,
                0.0,
                45.0,
                15.0,
                null,
                1,
                1.0,
                0,
                null);
        assertThat(d2)
                .containsEntry("waiting", 0)
                .containsEntry("active", 0)
                .containsEntry("agents_online", 1);
        expect(
                (Map<String, Object>) d2.get("today"),
                1,
                0,
                1,
                1.0,
                null,
                null,
                120.0,
                0,
                null,
                0,
                null);
    }

    @SuppressWarnings("unchecked")
    @Test
    void oneDayBrokenDownByTheHoursOfTheHelpDesksClock() {
        Map<String, Object> day = get("/api/analytics?from=2025-03-10&to=2025-03-10&group_by=hour");
        assertThat(day).containsEntry("group_by", "hour").containsEntry("from", "2025-03-10");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) day.get("rows");
        assertThat(rows).hasSize(24);
        assertThat(rows.get(0))
                .containsEntry("key", "2025-03-10T00:00")
                .containsEntry("label", "00:00");
        assertThat(rows.get(23))
                .containsEntry("key", "2025-03-10T23:00")
                .containsEntry("label", "23:00");
        // S1 09:00 and S2 09:10: waits 60 and 180, first responses 30 and 60, ratings 5 and 3
        expect(rowOf(day, "2025-03-10T09:00"), 2, 2, 0, 0.0, 120.0, 45.0, 1500.0, 2, 1.0, 2, 4.0);
        expect(rowOf(day, "2025-03-10T10:00"), 1, 0, 1, 1.0, null, null, 300.0, 0, null, 0, null);
        expect(rowOf(day, "2025-03-10T11:00"), 1, 1, 0, 0.0, 30.0, 120.0, 1800.0, 1, 1.0, 0, null);
        expect(rowOf(day, "2025-03-10T12:00"), 0, 0, 0, null, null, null, null, 0, null, 0, null);
        expect(rowOf(day, "2025-03-10T13:00"), 1, 1, 0, 0.0, 120.0, null, 600.0, 1, 1.0, 1, 1.0);
        // S6 at 23:30 Jakarta is 16:30 UTC: the hour is the help desk's
        expect(rowOf(day, "2025-03-10T23:00"), 1, 1, 0, 0.0, 60.0, 20.0, 1200.0, 1, 1.0, 0, null);
        expect(rowOf(day, "2025-03-10T16:00"), 0, 0, 0, null, null, null, null, 0, null, 0, null);
        expect(
                (Map<String, Object>) day.get("totals"),
                6,
                5,
                1,
                0.1667,
                90.0,
                57.5,
                1150.0,
                3,
                1.67,
                3,
                3.0);

        // one department's hours; without from, an hourly report is of the day to (today)
        Map<String, Object> teknisDay =
                get(
                        "/api/analytics?from=2025-03-10&to=2025-03-10&group_by=hour&department_id="
                                + teknis);
        expect(
                rowOf(teknisDay, "2025-03-10T09:00"),
                0,
                0,
                0,
                null,
                null,
                null,
                null,
                0,
                null,
                0,
                null);
        expect(
                rowOf(teknisDay, "2025-03-10T11:00"),
                1,
                1,
                0,
                0.0,
                30.0,
                120.0,
                1800.0,
                1,
                1.0,
                0,
                null);
        Map<String, Object> today = get("/api/analytics?group_by=hour");
        String todayInJakarta = LocalDate.now(JAKARTA).toString();
        assertThat(today).containsEntry("from", today.get("to"));
        assertThat((String) today.get("to"))
                .isIn(todayInJakarta, LocalDate.now(JAKARTA).minusDays(1).toString());
        assertThat((List<?>) today.get("rows")).hasSize(24);
    }

    @Test
    void anHourlyReportOfMoreThanOneDayIsRefused() {
        http.get()
                .uri("/api/analytics?from=2025-03-09&to=2025-03-10&group_by=hour")
                .headers(h -> h.setBearerAuth(supervisor))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("validation_failed")
                .jsonPath("$.fields.group_by")
                .isEqualTo("hour needs a range of one day: from and to the same day");
    }

    @SuppressWarnings("unchecked")
    @Test
    void aChatThatEndedWaitingIsAbandonedEvenAfterATransferAndALeftMessageNever() {
        Map<String, Object> day =
                get("/api/analytics?from=2025-03-12&to=2025-03-12&group_by=department");
        // abandoned: X1 (transferred in, closed unanswered), X2 (requeued, visitor gone), X3
        // (visitor ended while waiting); not X4 (ended while active) nor the left messages X5-X7.
        // Reached an agent: X1 X2 X4 X5; so 5 sessions have a known fate, 3 of them abandoned.
        // Waits of visitors who stayed: X1 60, X2 30, X4 40 (not the left message X5's six hours)
        // First responses: X1 30, X4 10, X5 60. Durations 900 700 120 300 22200 3600 5000.
        // Agents: Citra (X4) and Budi (X5); X1 and X2 ended with no agent.
        Map<String, Object> kosongDay = rowOf(day, kosong.toString());
        expect(kosongDay, 7, 4, 3, 0.6, 43.333, 33.333, 4688.571, 2, 2.0, 0, null);
        assertThat(((Number) kosongDay.get("left_messages")).longValue()).isEqualTo(3);
        Map<String, Object> totals = (Map<String, Object>) day.get("totals");
        assertThat(((Number) totals.get("left_messages")).longValue()).isEqualTo(3);
        assertThat(((Number) totals.get("abandoned")).longValue()).isEqualTo(3);

        // a chat counts for its last agent: X1, X2 (ended waiting after an agent had them), X3,
        // X6 and X7 ended with none; of them X1 X2 X3 have a known fate, all three abandoned
        Map<String, Object> byAgent =
                get("/api/analytics?from=2025-03-12&to=2025-03-12&group_by=agent");
        expect(rowOf(byAgent, "none"), 5, 2, 3, 1.0, 45.0, 30.0, 2064.0, 0, null, 0, null);
        expect(
                rowOf(byAgent, budi.id().toString()),
                1,
                1,
                0,
                0.0,
                null,
                60.0,
                22200.0,
                1,
                1.0,
                0,
                null);

        // the day before had neither
        Map<String, Object> march10 = get("/api/analytics?from=2025-03-10&to=2025-03-10");
        assertThat(
                        ((Number)
                                        ((Map<String, Object>) march10.get("totals"))
                                                .get("left_messages"))
                                .longValue())
                .isZero();
    }

    @Test
    void badQueriesAreExplainedAndAgentsMayNotLook() {
        String[][] cases = {
            {"from=2025-03-11&to=2025-03-10", "from"},
            {"from=yesterday", "from"},
            {"group_by=week", "group_by"},
            {"from=2024-01-01&to=2025-03-10", "to"},
            {"department_id=nope", "department_id"},
        };
        for (String[] c : cases) {
            http.get()
                    .uri("/api/analytics?" + c[0])
                    .headers(h -> h.setBearerAuth(supervisor))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.fields." + c[1])
                    .isNotEmpty();
        }
        for (String unknown : List.of("department_id", "agent_id")) {
            ApiErrors.expect(
                    http.get()
                            .uri("/api/analytics?" + unknown + "=" + UUID.randomUUID())
                            .headers(h -> h.setBearerAuth(supervisor))
                            .exchange(),
                    HttpStatus.NOT_FOUND,
                    "not_found");
        }
        String agent = new StaffFixture(db, http).login(agus);
        ApiErrors.expect(
                http.get()
                        .uri("/api/analytics/dashboard")
                        .headers(h -> h.setBearerAuth(agent))
                        .exchange(),
                HttpStatus.FORBIDDEN,
                "forbidden");
        ApiErrors.expect(
                http.get().uri("/api/analytics").exchange(),
                HttpStatus.UNAUTHORIZED,
                "unauthorized");
    }
}
