package id.oss.livechat.server.hours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Demo mode's opening hours: the technical desk ({@code teknis}) keeps a government office's hours
 * in WIB (Monday to Thursday 08:00–16:00, Friday with the midday prayer break) and the national
 * holidays, so the demo shows a closed desk at night and at weekends; the general and licensing
 * desks stay open around the clock, so the demo can be used at any hour. Hours an admin has set are
 * left as they are.
 */
public class DemoHours {
    static final String DEPARTMENT = "teknis";

    private final HoursRepository repository;

    public DemoHours(HoursRepository repository) {
        this.repository = repository;
    }

    public Mono<Void> ensure() {
        return repository.saveIfNone(DEPARTMENT, officeHours());
    }

    static OpeningHours officeHours() {
        Shift day = new Shift(8 * 60, 16 * 60);
        Map<DayOfWeek, List<Shift>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d :
                List.of(
                        DayOfWeek.MONDAY,
                        DayOfWeek.TUESDAY,
                        DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY)) {
            week.put(d, List.of(day));
        }
        week.put(
                DayOfWeek.FRIDAY,
                List.of(new Shift(8 * 60, 11 * 60 + 30), new Shift(13 * 60 + 30, 16 * 60)));
        Map<LocalDate, String> holidays =
                Map.of(
                        LocalDate.of(2026, 12, 25), "Hari Raya Natal",
                        LocalDate.of(2027, 1, 1), "Tahun Baru 2027 Masehi",
                        LocalDate.of(2027, 8, 17), "Hari Proklamasi Kemerdekaan RI",
                        LocalDate.of(2027, 12, 25), "Hari Raya Natal");
        return new OpeningHours(ZoneId.of("Asia/Jakarta"), week, holidays);
    }
}
