package id.oss.livechat.server.hours.internal;

import id.oss.livechat.server.hours.HoursInput;
import id.oss.livechat.server.hours.HoursRepository;
import id.oss.livechat.server.hours.OpeningHours;
import id.oss.livechat.server.hours.Shift;
import id.oss.livechat.server.system.database.Sql;
import io.r2dbc.spi.Readable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opening hours in {@code department_hours}: the schedule as {@code {"monday": ["08:00-16:00"]}}
 * and the holidays as {@code [{"date": "2026-12-25", "name": "…"}]}, both jsonb.
 */
public class R2dbcHoursRepository implements HoursRepository {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, List<String>>> SCHEDULE =
            new TypeReference<>() {};
    private static final TypeReference<List<StoredHoliday>> HOLIDAYS = new TypeReference<>() {};

    /** A holiday as stored. */
    record StoredHoliday(String date, String name) {}

    private final DatabaseClient db;

    public R2dbcHoursRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<OpeningHours> find(UUID departmentId) {
        return db.sql(
                        "SELECT time_zone, schedule::text AS schedule, holidays::text AS holidays"
                                + " FROM department_hours WHERE department_id = :d")
                .bind("d", departmentId)
                .map(R2dbcHoursRepository::toHours)
                .one();
    }

    @Override
    public Flux<Map.Entry<UUID, OpeningHours>> findAll() {
        return db.sql(
                        "SELECT department_id, time_zone, schedule::text AS schedule,"
                                + " holidays::text AS holidays FROM department_hours")
                .map(row -> Map.entry(Sql.uuid(row, "department_id"), toHours(row)))
                .all();
    }

    @Override
    public Mono<Void> save(UUID departmentId, OpeningHours hours) {
        return db.sql(
                        """
                INSERT INTO department_hours (department_id, time_zone, schedule, holidays, updated_at)
                VALUES (:d, :zone, CAST(:schedule AS jsonb), CAST(:holidays AS jsonb), now())
                ON CONFLICT (department_id) DO UPDATE
                   SET time_zone = EXCLUDED.time_zone, schedule = EXCLUDED.schedule,
                       holidays = EXCLUDED.holidays, updated_at = now()""")
                .bind("d", departmentId)
                .bind("zone", hours.zone().getId())
                .bind("schedule", JSON.writeValueAsString(scheduleOf(hours)))
                .bind("holidays", JSON.writeValueAsString(holidaysOf(hours)))
                .then();
    }

    @Override
    public Mono<Void> saveIfNone(String departmentCode, OpeningHours hours) {
        return db.sql(
                        """
                INSERT INTO department_hours (department_id, time_zone, schedule, holidays)
                SELECT id, :zone, CAST(:schedule AS jsonb), CAST(:holidays AS jsonb)
                  FROM departments WHERE code = :code
                ON CONFLICT (department_id) DO NOTHING""")
                .bind("code", departmentCode)
                .bind("zone", hours.zone().getId())
                .bind("schedule", JSON.writeValueAsString(scheduleOf(hours)))
                .bind("holidays", JSON.writeValueAsString(holidaysOf(hours)))
                .then();
    }

    @Override
    public Mono<Void> delete(UUID departmentId) {
        return db.sql("DELETE FROM department_hours WHERE department_id = :d")
                .bind("d", departmentId)
                .then();
    }

    @Override
    public Mono<Boolean> departmentExists(UUID departmentId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM departments WHERE id = :d) AS found")
                .bind("d", departmentId)
                .map(row -> Sql.flag(row, "found"))
                .one();
    }

    @Override
    public Mono<FirstAssignment> awaitingOpenWait(UUID sessionId) {
        return db.sql(
                        "SELECT id, department_id, started_at FROM chat_sessions"
                                + " WHERE id = :id AND assigned_at IS NOT NULL"
                                + " AND open_wait_seconds IS NULL")
                .bind("id", sessionId)
                .map(
                        row ->
                                new FirstAssignment(
                                        Sql.uuid(row, "id"),
                                        Sql.uuid(row, "department_id"),
                                        Sql.instant(row, "started_at")))
                .one();
    }

    @Override
    public Mono<Void> recordOpenWait(UUID sessionId, double seconds) {
        return db.sql(
                        "UPDATE chat_sessions SET open_wait_seconds = :s"
                                + " WHERE id = :id AND open_wait_seconds IS NULL")
                .bind("s", seconds)
                .bind("id", sessionId)
                .then();
    }

    @Override
    public Mono<Boolean> markLeftMessage(UUID sessionId) {
        return db.sql(
                        "UPDATE chat_sessions SET left_message_at = now()"
                                + " WHERE id = :id AND status = 'waiting' AND left_message_at IS NULL")
                .bind("id", sessionId)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    private static OpeningHours toHours(Readable row) {
        Map<LocalDate, String> holidays = new LinkedHashMap<>();
        JSON.readValue(Sql.text(row, "holidays"), HOLIDAYS)
                .forEach(h -> holidays.put(LocalDate.parse(h.date()), h.name()));
        return new OpeningHours(
                ZoneId.of(Sql.text(row, "time_zone")),
                week(JSON.readValue(Sql.text(row, "schedule"), SCHEDULE)),
                holidays);
    }

    private static Map<DayOfWeek, List<Shift>> week(Map<String, List<String>> stored) {
        Map<DayOfWeek, List<Shift>> week = new EnumMap<>(DayOfWeek.class);
        stored.forEach(
                (day, shifts) -> {
                    List<Shift> parsed = shifts.stream().map(R2dbcHoursRepository::shift).toList();
                    HoursInput.Days.parse(day).ifPresent(d -> week.put(d, parsed));
                });
        return week;
    }

    private static Shift shift(String stored) {
        String[] parts = stored.split("-");
        return new Shift(
                Shift.minutes(parts[0], false).orElseThrow(),
                Shift.minutes(parts[1], true).orElseThrow());
    }

    private static Map<String, List<String>> scheduleOf(OpeningHours hours) {
        Map<String, List<String>> schedule = new LinkedHashMap<>();
        hours.week()
                .forEach(
                        (day, shifts) ->
                                schedule.put(
                                        HoursInput.Days.wire(day),
                                        shifts.stream().map(Shift::toString).toList()));
        return schedule;
    }

    private static List<StoredHoliday> holidaysOf(OpeningHours hours) {
        List<StoredHoliday> holidays = new ArrayList<>();
        hours.holidays()
                .forEach((date, name) -> holidays.add(new StoredHoliday(date.toString(), name)));
        return holidays;
    }
}
