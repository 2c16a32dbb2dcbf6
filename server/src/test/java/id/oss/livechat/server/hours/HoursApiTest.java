package id.oss.livechat.server.hours;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code GET|PUT /api/departments/:id/hours}: admins keep a department's hours, any staff member
 * reads them, bad schedules are refused naming the day, and a department without hours stays open
 * around the clock, as before.
 */
class HoursApiTest extends ServerTest {
    private UUID department;
    private String admin;

    @BeforeEach
    void department() {
        department = new StaffFixture(db, http).department();
        admin = demoToken("admin");
    }

    private WebTestClient.ResponseSpec put(String token, Object body) {
        return http.put()
                .uri("/api/departments/{id}/hours", department)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(
                        h -> {
                            if (token != null) h.setBearerAuth(token);
                        })
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec get(String token) {
        return http.get()
                .uri("/api/departments/{id}/hours", department)
                .headers(
                        h -> {
                            if (token != null) h.setBearerAuth(token);
                        })
                .exchange();
    }

    static Map<String, Object> officeHours(String zone) {
        Map<String, Object> day = Map.of("opens", "08:00", "closes", "16:00");
        return Map.of(
                "time_zone", zone,
                "schedule",
                        Map.of(
                                "monday", List.of(day),
                                "tuesday", List.of(day),
                                "wednesday", List.of(day),
                                "thursday", List.of(day),
                                "friday",
                                        List.of(
                                                Map.of("opens", "13:00", "closes", "16:00"),
                                                Map.of("opens", "08:00", "closes", "11:30"))),
                "holidays", List.of(Map.of("date", "2037-12-25", "name", "Hari Raya Natal")));
    }

    @Test
    void aDepartmentWithoutHoursIsAlwaysOpen() {
        get(demoToken("agent1"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.always_open")
                .isEqualTo(true)
                .jsonPath("$.open_now")
                .isEqualTo(true)
                .jsonPath("$.schedule")
                .isEmpty()
                .jsonPath("$.next_open_at")
                .isEmpty();
    }

    @Test
    void anAdminKeepsTheHoursAndAnyStaffMemberReadsThem() {
        put(admin, officeHours("Asia/Makassar"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.always_open")
                .isEqualTo(false)
                .jsonPath("$.time_zone")
                .isEqualTo("Asia/Makassar")
                .jsonPath("$.schedule.friday[0].opens")
                .isEqualTo("08:00")
                .jsonPath("$.schedule.friday[0].closes")
                .isEqualTo("11:30")
                .jsonPath("$.schedule.friday[1].opens")
                .isEqualTo("13:00")
                .jsonPath("$.schedule.saturday.length()")
                .isEqualTo(0)
                .jsonPath("$.holidays[0].date")
                .isEqualTo("2037-12-25")
                .jsonPath("$.holidays[0].name")
                .isEqualTo("Hari Raya Natal");

        get(demoToken("agent1"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.time_zone")
                .isEqualTo("Asia/Makassar")
                .jsonPath("$.schedule.monday[0].closes")
                .isEqualTo("16:00");

        // back to open around the clock
        put(admin, Map.of("always_open", true))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.always_open")
                .isEqualTo(true);
        assertThat(
                        count(
                                "SELECT count(*) FROM department_hours WHERE department_id = '"
                                        + department
                                        + "'"))
                .isZero();
    }

    @Test
    void onlyAdminsChangeTheHoursAndOnlyStaffReadThem() {
        put(demoToken("agent1"), officeHours("Asia/Jakarta"))
                .expectStatus()
                .isForbidden()
                .expectBody();
        put(demoToken("supervisor"), officeHours("Asia/Jakarta"))
                .expectStatus()
                .isForbidden()
                .expectBody();
        put(null, officeHours("Asia/Jakarta")).expectStatus().isUnauthorized().expectBody();
        get(null).expectStatus().isUnauthorized().expectBody();
        http.get()
                .uri("/api/departments/{id}/hours", UUID.randomUUID())
                .headers(h -> h.setBearerAuth(admin))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("not_found");
        assertThat(
                        count(
                                "SELECT count(*) FROM department_hours WHERE department_id = '"
                                        + department
                                        + "'"))
                .isZero();
    }

    private void refused(Map<String, Object> schedule, String field, String reasonContains) {
        put(admin, Map.of("time_zone", "Asia/Jakarta", "schedule", schedule))
                .expectStatus()
                .isEqualTo(HttpStatus.BAD_REQUEST)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("validation_failed")
                .jsonPath("$.fields['" + field + "']")
                .value(reason -> assertThat((String) reason).contains(reasonContains));
    }

    @Test
    void overlappingOrImpossibleTimesAreRefusedNamingTheDay() {
        refused(
                Map.of(
                        "monday", List.of(Map.of("opens", "08:00", "closes", "12:00")),
                        "tuesday",
                                List.of(
                                        Map.of("opens", "08:00", "closes", "12:00"),
                                        Map.of("opens", "11:00", "closes", "16:00"))),
                "schedule.tuesday",
                "08:00–12:00 overlaps 11:00–16:00");
        refused(
                Map.of("wednesday", List.of(Map.of("opens", "25:00", "closes", "26:00"))),
                "schedule.wednesday",
                "\"25:00\" is not a time of day");
        refused(
                Map.of("thursday", List.of(Map.of("opens", "08:60", "closes", "16:00"))),
                "schedule.thursday",
                "\"08:60\" is not a time of day");
        refused(
                Map.of("friday", List.of(Map.of("opens", "16:00", "closes", "08:00"))),
                "schedule.friday",
                "opens at 16:00 but closes at 08:00");
        refused(
                Map.of("funday", List.of(Map.of("opens", "08:00", "closes", "16:00"))),
                "schedule.funday",
                "is not a day of the week");
        assertThat(
                        count(
                                "SELECT count(*) FROM department_hours WHERE department_id = '"
                                        + department
                                        + "'"))
                .as("a refused schedule changes nothing")
                .isZero();
    }

    @Test
    void anUnknownTimeZoneOrABadHolidayIsRefused() {
        put(admin, officeHours("Asia/Atlantis"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.time_zone")
                .value(reason -> assertThat((String) reason).contains("is not a known time zone"));
        put(admin, officeHours("+07:00"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.time_zone")
                .exists();
        put(
                        admin,
                        Map.of(
                                "time_zone", "Asia/Jakarta",
                                "schedule",
                                        Map.of(
                                                "monday",
                                                List.of(
                                                        Map.of(
                                                                "opens", "08:00", "closes",
                                                                "16:00"))),
                                "holidays", List.of(Map.of("date", "2037-02-30"))))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields['holidays[0].date']")
                .value(reason -> assertThat((String) reason).contains("is not a date"));
        assertThat(
                        count(
                                "SELECT count(*) FROM department_hours WHERE department_id = '"
                                        + department
                                        + "'"))
                .isZero();
    }

    @Test
    void inDemoModeTheTechnicalDeskKeepsOfficeHoursAndTheOthersAreAlwaysOpen() {
        java.util.function.Function<String, UUID> idOf =
                code ->
                        db.sql("SELECT id FROM departments WHERE code = :c")
                                .bind("c", code)
                                .map(row -> row.get(0, UUID.class))
                                .one()
                                .block();
        http.get()
                .uri("/api/departments/{id}/hours", idOf.apply("teknis"))
                .headers(h -> h.setBearerAuth(admin))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.time_zone")
                .isEqualTo("Asia/Jakarta")
                .jsonPath("$.schedule.monday[0].opens")
                .isEqualTo("08:00")
                .jsonPath("$.schedule.friday.length()")
                .isEqualTo(2)
                .jsonPath("$.schedule.sunday.length()")
                .isEqualTo(0);
        for (String code : List.of("umum", "perizinan")) {
            http.get()
                    .uri("/api/departments/{id}/hours", idOf.apply(code))
                    .headers(h -> h.setBearerAuth(admin))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.always_open")
                    .isEqualTo(true);
        }
    }
}
