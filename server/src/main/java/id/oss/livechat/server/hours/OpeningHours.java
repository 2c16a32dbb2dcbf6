package id.oss.livechat.server.hours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A department's opening hours: the shifts of each weekday on the department's own clock, and
 * holidays, whole days on which it stays closed. Pure: the caller says what time it is.
 *
 * <p>Times are read on the department's clock, so a department in Jayapura (WIT) opening at 08:00
 * opens two hours before one in Jakarta (WIB) opening at 08:00.
 */
public record OpeningHours(
        ZoneId zone, Map<DayOfWeek, List<Shift>> week, Map<LocalDate, String> holidays) {
    /** How far ahead {@link #nextOpening} looks: a year of holidays and a week beyond. */
    static final int LOOK_AHEAD_DAYS = 373;

    public OpeningHours {
        Map<DayOfWeek, List<Shift>> days = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, shifts) -> days.put(day, shifts.stream().sorted().toList()));
        week = java.util.Collections.unmodifiableMap(days);
        holidays = java.util.Collections.unmodifiableMap(new TreeMap<>(holidays));
    }

    public List<Shift> shiftsOn(DayOfWeek day) {
        return week.getOrDefault(day, List.of());
    }

    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate date = local.toLocalDate();
        if (holidays.containsKey(date)) {
            return false;
        }
        int second = local.toLocalTime().toSecondOfDay();
        return shiftsOn(date.getDayOfWeek()).stream()
                .anyMatch(s -> s.opens() * 60 <= second && second < s.closes() * 60);
    }

    /**
     * The first moment at or after {@code from} at which the department is open: {@code from}
     * itself while it is open; empty when it does not open within a year (no shift on any day, or
     * holidays all the way).
     */
    public Optional<Instant> nextOpening(Instant from) {
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i < LOOK_AHEAD_DAYS; i++, day = day.plusDays(1)) {
            if (holidays.containsKey(day)) {
                continue;
            }
            for (Shift shift : shiftsOn(day.getDayOfWeek())) {
                Instant opens = at(day, shift.opens());
                Instant closes = at(day, shift.closes());
                if (closes.isAfter(from)) {
                    return Optional.of(opens.isAfter(from) ? opens : from);
                }
            }
        }
        return Optional.empty();
    }

    /** How much of the time from {@code start} to {@code end} the department was open. */
    public Duration openTimeBetween(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            return Duration.ZERO;
        }
        Duration open = Duration.ZERO;
        LocalDate last = end.atZone(zone).toLocalDate();
        // from the day before, in case a day's shifts reach past the start's local date change
        for (LocalDate day = start.atZone(zone).toLocalDate().minusDays(1);
                !day.isAfter(last);
                day = day.plusDays(1)) {
            if (holidays.containsKey(day)) {
                continue;
            }
            for (Shift shift : shiftsOn(day.getDayOfWeek())) {
                Instant from = latest(start, at(day, shift.opens()));
                Instant to = earliest(end, at(day, shift.closes()));
                if (to.isAfter(from)) {
                    open = open.plus(Duration.between(from, to));
                }
            }
        }
        return open;
    }

    /** A time of a day on the department's clock; 24:00 is the start of the next day. */
    private Instant at(LocalDate day, int minutes) {
        if (minutes == Shift.END_OF_DAY) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return ZonedDateTime.of(day, LocalTime.ofSecondOfDay(minutes * 60L), zone).toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
