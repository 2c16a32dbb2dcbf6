package id.oss.livechat.server.hours;

import id.oss.livechat.model.staff.Holiday;
import id.oss.livechat.model.staff.HoursRequest;
import id.oss.livechat.model.staff.OpeningShift;
import id.oss.livechat.server.common.FieldCheck;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code PUT …/hours} body into {@link OpeningHours}, refusing it whole with every problem
 * named: a time that is no time of day, a shift that closes before it opens or overlaps another
 * (under {@code schedule.<day>}), an unknown time zone, a date that is no date.
 */
public final class HoursInput {
    public static final int MAX_SHIFTS_PER_DAY = 12;
    public static final int MAX_HOLIDAYS = 400;
    public static final int HOLIDAY_NAME_MAX = 100;
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private HoursInput() {}

    /**
     * @return the hours, or empty for {@code always_open}
     */
    public static Optional<OpeningHours> parse(HoursRequest request) {
        FieldCheck check = FieldCheck.of();
        if (Boolean.TRUE.equals(request.alwaysOpen())) {
            check.rule(
                    request.schedule() == null
                            && (request.holidays() == null || request.holidays().isEmpty()),
                    "always_open",
                    "leaves no schedule or holidays: send one or the other");
            check.orThrow();
            return Optional.empty();
        }
        ZoneId zone = zone(request.timeZone(), check);
        Map<DayOfWeek, List<Shift>> week = week(request.schedule(), check);
        Map<LocalDate, String> holidays = holidays(request.holidays(), check);
        check.orThrow();
        return Optional.of(new OpeningHours(zone, week, holidays));
    }

    private static ZoneId zone(String id, FieldCheck check) {
        if (id == null || id.isBlank()) {
            check.fail("time_zone", "is required, e.g. Asia/Jakarta (WIB)");
            return null;
        }
        // region ids only: "+07:00" names no place and knows no calendar
        if (!ZONES.contains(id)) {
            check.fail(
                    "time_zone",
                    "is not a known time zone: use an IANA name such as Asia/Jakarta (WIB),"
                            + " Asia/Makassar (WITA) or Asia/Jayapura (WIT)");
            return null;
        }
        return ZoneId.of(id);
    }

    private static Map<DayOfWeek, List<Shift>> week(
            Map<String, List<OpeningShift>> schedule, FieldCheck check) {
        Map<DayOfWeek, List<Shift>> week = new EnumMap<>(DayOfWeek.class);
        if (schedule == null) {
            check.fail("schedule", "is required (or always_open: true)");
            return week;
        }
        schedule.forEach(
                (name, shifts) -> {
                    String field = "schedule." + name;
                    Optional<DayOfWeek> day = Days.parse(name);
                    if (day.isEmpty()) {
                        check.fail(field, "is not a day of the week: monday … sunday");
                        return;
                    }
                    day(field, shifts, check).ifPresent(list -> week.put(day.get(), list));
                });
        if (!check.hasErrors() && week.values().stream().allMatch(List::isEmpty)) {
            check.fail(
                    "schedule",
                    "opens on no day: give the shifts of at least one day, or always_open: true");
        }
        return week;
    }

    /** One day's shifts, or empty after naming the day's first problem. */
    private static Optional<List<Shift>> day(
            String field, List<OpeningShift> given, FieldCheck check) {
        if (given == null) {
            return Optional.of(List.of());
        }
        if (given.size() > MAX_SHIFTS_PER_DAY) {
            check.fail(field, "has more than " + MAX_SHIFTS_PER_DAY + " shifts");
            return Optional.empty();
        }
        List<Shift> shifts = new ArrayList<>();
        for (OpeningShift s : given) {
            Optional<String> problem = problemOf(s);
            if (problem.isPresent()) {
                check.fail(field, problem.get());
                return Optional.empty();
            }
            Shift shift =
                    new Shift(
                            Shift.minutes(s.opens(), false).orElseThrow(),
                            Shift.minutes(s.closes(), true).orElseThrow());
            for (Shift earlier : shifts) {
                if (earlier.overlaps(shift)) {
                    check.fail(field, span(earlier) + " overlaps " + span(shift));
                    return Optional.empty();
                }
            }
            shifts.add(shift);
        }
        return Optional.of(shifts.stream().sorted().toList());
    }

    private static Optional<String> problemOf(OpeningShift s) {
        if (s == null || s.opens() == null || s.closes() == null) {
            return Optional.of("every shift needs opens and closes, e.g. 08:00 and 16:00");
        }
        Optional<Integer> opens = Shift.minutes(s.opens(), false);
        Optional<Integer> closes = Shift.minutes(s.closes(), true);
        if (opens.isEmpty()) {
            return Optional.of(quoted(s.opens()) + " is not a time of day (HH:MM, 00:00 to 23:59)");
        }
        if (closes.isEmpty()) {
            return Optional.of(
                    quoted(s.closes()) + " is not a time of day (HH:MM, 00:00 to 24:00)");
        }
        if (opens.get() >= closes.get()) {
            return Optional.of(
                    "opens at "
                            + s.opens()
                            + " but closes at "
                            + s.closes()
                            + ": a shift closes after it opens (past midnight is two shifts,"
                            + " one on each day)");
        }
        return Optional.empty();
    }

    private static Map<LocalDate, String> holidays(List<Holiday> given, FieldCheck check) {
        Map<LocalDate, String> holidays = new HashMap<>();
        if (given == null) {
            return holidays;
        }
        if (given.size() > MAX_HOLIDAYS) {
            check.fail("holidays", "has more than " + MAX_HOLIDAYS + " days");
            return holidays;
        }
        for (int i = 0; i < given.size(); i++) {
            Holiday h = given.get(i);
            String field = "holidays[" + i + "]";
            if (h == null || h.date() == null) {
                check.fail(field + ".date", "is required, e.g. 2026-12-25");
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(h.date());
            } catch (DateTimeException e) {
                check.fail(field + ".date", quoted(h.date()) + " is not a date (YYYY-MM-DD)");
                continue;
            }
            check.optional(field + ".name", h.name(), HOLIDAY_NAME_MAX);
            if (holidays.containsKey(date)) {
                check.fail(field + ".date", h.date() + " is listed twice");
                continue;
            }
            holidays.put(date, h.name() == null ? "" : h.name().strip());
        }
        return holidays;
    }

    private static String span(Shift shift) {
        return Shift.format(shift.opens()) + "–" + Shift.format(shift.closes());
    }

    private static String quoted(String value) {
        return "\"" + (value.length() > 20 ? value.substring(0, 20) + "…" : value) + "\"";
    }

    /** Days of the week as the API names them: lower-case English. */
    public static final class Days {
        private Days() {}

        public static Optional<DayOfWeek> parse(String name) {
            if (name == null) {
                return Optional.empty();
            }
            for (DayOfWeek day : DayOfWeek.values()) {
                if (wire(day).equals(name)) {
                    return Optional.of(day);
                }
            }
            return Optional.empty();
        }

        public static String wire(DayOfWeek day) {
            return day.name().toLowerCase(Locale.ROOT);
        }
    }
}
