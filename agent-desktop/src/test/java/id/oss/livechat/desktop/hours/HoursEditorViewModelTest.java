package id.oss.livechat.desktop.hours;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.connection.ApiException;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.model.staff.DepartmentHours;
import id.oss.livechat.model.staff.DepartmentInfo;
import id.oss.livechat.model.staff.Holiday;
import id.oss.livechat.model.staff.HoursRequest;
import id.oss.livechat.model.staff.OpeningShift;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admins' "Jam layanan" editor, against a fake of the server's hours API. */
class HoursEditorViewModelTest {
    private static final DepartmentInfo TEKNIS =
            new DepartmentInfo(
                    UUID.randomUUID(), "teknis", "Teknis & Akun OSS", null, false, true, 0, 0);

    /** The server as the editor meets it: what it keeps, what it was asked to keep. */
    static final class FakeHoursApi implements HoursApi {
        DepartmentHours kept;
        final List<HoursRequest> saved = new ArrayList<>();
        RuntimeException refusal;

        @Override
        public List<DepartmentInfo> departments() {
            return List.of(TEKNIS);
        }

        @Override
        public DepartmentHours hours(UUID departmentId) {
            return kept;
        }

        @Override
        public DepartmentHours save(UUID departmentId, HoursRequest request) {
            saved.add(request);
            if (refusal != null) {
                throw refusal;
            }
            return kept;
        }
    }

    private final FakeHoursApi api = new FakeHoursApi();
    private final Localization i18n = new Localization(AppLanguage.INDONESIAN);
    private final HoursEditorViewModel editor =
            new HoursEditorViewModel(api, Background.sameThread(), i18n);

    private static DepartmentHours officeHours(boolean openNow, Instant next) {
        Map<String, List<OpeningShift>> schedule = new LinkedHashMap<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday")) {
            schedule.put(day, List.of(new OpeningShift("08:00", "16:00")));
        }
        schedule.put(
                "friday",
                List.of(new OpeningShift("08:00", "11:30"), new OpeningShift("13:30", "16:00")));
        schedule.put("saturday", List.of());
        schedule.put("sunday", List.of());
        return new DepartmentHours(
                TEKNIS.id(),
                false,
                "Asia/Jakarta",
                schedule,
                List.of(new Holiday("2037-12-25", "Hari Raya Natal")),
                openNow,
                next);
    }

    @Test
    void showsTheDepartmentsHoursAndWhenItOpensAgain() {
        api.kept = officeHours(false, Instant.parse("2037-12-28T01:00:00Z"));
        editor.loadDepartments();

        assertThat(editor.departmentProperty().get()).isEqualTo(TEKNIS);
        assertThat(editor.alwaysOpenProperty().get()).isFalse();
        assertThat(editor.timeZoneProperty().get()).isEqualTo("Asia/Jakarta");
        assertThat(editor.dayProperty(DayOfWeek.MONDAY).get()).isEqualTo("08:00-16:00");
        assertThat(editor.dayProperty(DayOfWeek.FRIDAY).get())
                .isEqualTo("08:00-11:30, 13:30-16:00");
        assertThat(editor.dayProperty(DayOfWeek.SUNDAY).get()).isEmpty();
        assertThat(editor.holidaysProperty().get()).isEqualTo("2037-12-25 Hari Raya Natal");
        assertThat(editor.nowProperty().get())
                .isEqualTo("Tutup sekarang; buka kembali Senin 28 Desember 08:00 WIB.");
    }

    @Test
    void savesTheScheduleAsTyped() {
        api.kept = new DepartmentHours(TEKNIS.id(), true, null, null, List.of(), true, null);
        editor.loadDepartments();
        editor.alwaysOpenProperty().set(false);
        editor.timeZoneProperty().set("Asia/Makassar");
        editor.dayProperty(DayOfWeek.MONDAY).set("08.00 - 12:00, 13:00–16:00");
        editor.dayProperty(DayOfWeek.SATURDAY).set("09:00-24:00");
        editor.holidaysProperty().set("2037-12-25 Hari Raya Natal\n\n2038-01-01");
        api.kept = officeHours(true, null);

        editor.save();

        assertThat(api.saved).hasSize(1);
        HoursRequest request = api.saved.get(0);
        assertThat(request.timeZone()).isEqualTo("Asia/Makassar");
        assertThat(request.schedule().get("monday"))
                .containsExactly(
                        new OpeningShift("08:00", "12:00"), new OpeningShift("13:00", "16:00"));
        assertThat(request.schedule().get("saturday"))
                .containsExactly(new OpeningShift("09:00", "24:00"));
        assertThat(request.schedule().get("tuesday")).isEmpty();
        assertThat(request.holidays())
                .containsExactly(
                        new Holiday("2037-12-25", "Hari Raya Natal"),
                        new Holiday("2038-01-01", null));
        assertThat(editor.statusProperty().get())
                .isEqualTo("Jam layanan Teknis & Akun OSS tersimpan.");
        assertThat(editor.nowProperty().get()).isEqualTo("Buka sekarang.");
    }

    @Test
    void overlappingOrImpossibleTimesAreShownAtTheirDayAndNothingIsSent() {
        api.kept = officeHours(true, null);
        editor.loadDepartments();
        editor.dayProperty(DayOfWeek.TUESDAY).set("08:00-12:00, 11:00-16:00");
        editor.dayProperty(DayOfWeek.WEDNESDAY).set("25:00-26:00");
        editor.dayProperty(DayOfWeek.THURSDAY).set("16:00-08:00");
        editor.dayProperty(DayOfWeek.FRIDAY).set("pagi");
        editor.holidaysProperty().set("2037-02-30 Hari yang tidak ada");

        editor.save();

        assertThat(api.saved).isEmpty();
        assertThat(editor.dayProblemProperty(DayOfWeek.TUESDAY).get())
                .isEqualTo("08:00–12:00 bertumpuk dengan 11:00–16:00.");
        assertThat(editor.dayProblemProperty(DayOfWeek.WEDNESDAY).get())
                .isEqualTo("25:00 bukan jam (00:00 sampai 24:00).");
        assertThat(editor.dayProblemProperty(DayOfWeek.THURSDAY).get())
                .startsWith("16:00–08:00 tutup sebelum buka");
        assertThat(editor.dayProblemProperty(DayOfWeek.FRIDAY).get())
                .startsWith("Tulis jam seperti 08:00-16:00");
        assertThat(editor.dayProblemProperty(DayOfWeek.MONDAY).get()).isEmpty();
        assertThat(editor.holidaysProblemProperty().get())
                .isEqualTo("Baris 1: 2037-02-30 bukan tanggal (TTTT-BB-HH).");
        assertThat(editor.statusProperty().get()).isEqualTo("Periksa isian yang ditandai.");
        i18n.setLanguage(AppLanguage.ENGLISH);
        assertThat(editor.dayProblemProperty(DayOfWeek.TUESDAY).get())
                .isEqualTo("08:00–12:00 overlaps 11:00–16:00.");
    }

    @Test
    void theServersRefusalIsShownAtTheDayItNames() {
        api.kept = officeHours(true, null);
        editor.loadDepartments();
        api.refusal =
                new ApiException(
                        400,
                        "validation_failed",
                        "Some fields are missing or invalid.",
                        Map.of(
                                "schedule.friday",
                                "has more than 12 shifts",
                                "time_zone",
                                "is not a known time zone"));

        editor.save();

        assertThat(editor.dayProblemProperty(DayOfWeek.FRIDAY).get())
                .isEqualTo("Ditolak server: has more than 12 shifts");
        assertThat(editor.zoneProblemProperty().get())
                .isEqualTo("Ditolak server: is not a known time zone");
        assertThat(editor.statusProperty().get()).isEqualTo("Periksa isian yang ditandai.");
    }

    @Test
    void openAroundTheClockSendsNoSchedule() {
        api.kept = officeHours(true, null);
        editor.loadDepartments();
        editor.alwaysOpenProperty().set(true);
        api.kept = new DepartmentHours(TEKNIS.id(), true, null, null, List.of(), true, null);

        editor.save();

        assertThat(api.saved).containsExactly(new HoursRequest(true, null, null, null));
        assertThat(editor.nowProperty().get()).isEqualTo("Buka 24 jam: tanpa jadwal.");
    }
}
