package id.oss.livechat.server.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A help desk open Monday to Friday 08:00–12:00 and 13:00–16:00 on its own clock, with Christmas
 * 2037 (a Friday) a holiday: when it is open, when it opens next, and how much of a wait it was
 * open.
 */
class OpeningHoursTest {
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

    private static OpeningHours officeHours(ZoneId zone) {
        Map<DayOfWeek, List<Shift>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day :
                List.of(
                        DayOfWeek.MONDAY,
                        DayOfWeek.TUESDAY,
                        DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY)) {
            week.put(day, List.of(new Shift(13 * 60, 16 * 60), new Shift(8 * 60, 12 * 60)));
        }
        return new OpeningHours(zone, week, Map.of(LocalDate.of(2037, 12, 25), "Hari Raya Natal"));
    }

    private static Instant wib(String localTime) {
        return java.time.LocalDateTime.parse(localTime).atZone(WIB).toInstant();
    }

    @Test
    void isOpenInItsShiftsOnItsOwnClockAndClosedOnAHoliday() {
        OpeningHours hours = officeHours(WIB);
        assertThat(hours.isOpen(wib("2037-12-24T08:00:00"))).isTrue();
        assertThat(hours.isOpen(wib("2037-12-24T07:59:59"))).isFalse();
        assertThat(hours.isOpen(wib("2037-12-24T12:30:00"))).as("lunch").isFalse();
        assertThat(hours.isOpen(wib("2037-12-24T15:59:59"))).isTrue();
        assertThat(hours.isOpen(wib("2037-12-24T16:00:00"))).isFalse();
        assertThat(hours.isOpen(wib("2037-12-25T10:00:00"))).as("Christmas").isFalse();
        assertThat(hours.isOpen(wib("2037-12-26T10:00:00"))).as("Saturday").isFalse();
        // 08:00 WIT is 06:00 WIB: Jayapura opens two hours before Jakarta
        assertThat(officeHours(WIT).isOpen(wib("2037-12-24T06:30:00"))).isTrue();
        assertThat(officeHours(WIB).isOpen(wib("2037-12-24T06:30:00"))).isFalse();
    }

    @Test
    void nextOpeningSkipsTheHolidayAndTheWeekend() {
        OpeningHours hours = officeHours(WIB);
        assertThat(hours.nextOpening(wib("2037-12-24T16:30:00")))
                .as("Thursday evening: Friday is Christmas, then the weekend")
                .contains(wib("2037-12-28T08:00:00"));
        assertThat(hours.nextOpening(wib("2037-12-25T10:00:00")))
                .contains(wib("2037-12-28T08:00:00"));
        assertThat(hours.nextOpening(wib("2037-12-28T12:10:00")))
                .as("after lunch")
                .contains(wib("2037-12-28T13:00:00"));
        assertThat(hours.nextOpening(wib("2037-12-28T09:00:00")))
                .as("open now")
                .contains(wib("2037-12-28T09:00:00"));
    }

    @Test
    void aWaitAcrossTheHolidayCountsOnlyTheOpenTime() {
        OpeningHours hours = officeHours(WIB);
        // Thursday 15:59 to Monday 08:00:30: one minute before closing, 30 s after opening
        assertThat(hours.openTimeBetween(wib("2037-12-24T15:59:00"), wib("2037-12-28T08:00:30")))
                .isEqualTo(Duration.ofSeconds(90));
        // over lunch: 11:50 to 13:10 is 20 minutes open
        assertThat(hours.openTimeBetween(wib("2037-12-28T11:50:00"), wib("2037-12-28T13:10:00")))
                .isEqualTo(Duration.ofMinutes(20));
        assertThat(hours.openTimeBetween(wib("2037-12-25T09:00:00"), wib("2037-12-25T11:00:00")))
                .as("all of it on the holiday")
                .isZero();
    }

    @Test
    void aDayCanCloseAtMidnightAndNeverOpeningIsSaidSo() {
        Map<DayOfWeek, List<Shift>> lateShift = new EnumMap<>(DayOfWeek.class);
        lateShift.put(DayOfWeek.SATURDAY, List.of(new Shift(20 * 60, Shift.END_OF_DAY)));
        OpeningHours saturdayNights = new OpeningHours(WIB, lateShift, Map.of());
        assertThat(saturdayNights.isOpen(wib("2037-12-26T23:59:59"))).isTrue();
        assertThat(saturdayNights.isOpen(wib("2037-12-27T00:00:00"))).isFalse();

        OpeningHours never = new OpeningHours(WIB, Map.of(), Map.of());
        assertThat(never.nextOpening(wib("2037-12-26T10:00:00"))).isEmpty();
    }
}
