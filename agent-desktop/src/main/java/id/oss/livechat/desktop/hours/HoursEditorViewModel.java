package id.oss.livechat.desktop.hours;

import id.oss.livechat.desktop.connection.ApiException;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.model.staff.DepartmentHours;
import id.oss.livechat.model.staff.DepartmentInfo;
import id.oss.livechat.model.staff.Holiday;
import id.oss.livechat.model.staff.HoursRequest;
import id.oss.livechat.model.staff.OpeningShift;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The admins' "Jam layanan" editor: a department's weekly schedule on its own clock (WIB, WITA,
 * WIT), its holidays, or open around the clock. Checks what the server would refuse before saving,
 * and shows the server's refusal at the day it names.
 */
public final class HoursEditorViewModel {
    /** Indonesia's three clocks, offered first; a department on another keeps its own. */
    public static final List<String> ZONES =
            List.of("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura");

    /** A sentence to show: a text key of the messages and its arguments, said in the language. */
    record Message(String key, Object... args) {}

    // Properties
    private final ObservableList<DepartmentInfo> departments = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<DepartmentInfo> department = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty alwaysOpen = new SimpleBooleanProperty(true);
    private final StringProperty timeZone = new SimpleStringProperty(ZONES.get(0));
    private final ObservableList<String> zones = FXCollections.observableArrayList(ZONES);
    private final Map<DayOfWeek, StringProperty> days = new EnumMap<>(DayOfWeek.class);
    private final Map<DayOfWeek, ObjectProperty<Message>> dayProblems =
            new EnumMap<>(DayOfWeek.class);
    private final Map<DayOfWeek, StringBinding> dayProblemTexts = new EnumMap<>(DayOfWeek.class);
    private final StringProperty holidays = new SimpleStringProperty("");
    private final ObjectProperty<Message> holidaysProblem = new SimpleObjectProperty<>();
    private final ObjectProperty<Message> zoneProblem = new SimpleObjectProperty<>();
    private final ObjectProperty<Message> status = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<DepartmentHours> stored = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final StringBinding holidaysProblemText;
    private final StringBinding zoneProblemText;
    private final StringBinding statusText;
    private final StringBinding nowText;

    private final HoursApi api;
    private final Background background;
    private final Localization i18n;

    public HoursEditorViewModel(HoursApi api, Background background, Localization i18n) {
        this.api = api;
        this.background = background;
        this.i18n = i18n;
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, new SimpleStringProperty(""));
            ObjectProperty<Message> problem = new SimpleObjectProperty<>();
            dayProblems.put(day, problem);
            dayProblemTexts.put(day, said(problem));
        }
        holidaysProblemText = said(holidaysProblem);
        zoneProblemText = said(zoneProblem);
        statusText = said(status);
        nowText = Bindings.createStringBinding(this::now, stored, i18n.languageProperty());
    }

    private StringBinding said(ObjectProperty<Message> message) {
        return Bindings.createStringBinding(
                () ->
                        message.get() == null
                                ? ""
                                : i18n.text(message.get().key(), message.get().args()),
                message,
                i18n.languageProperty());
    }

    public ObservableList<DepartmentInfo> departments() {
        return departments;
    }

    public ReadOnlyObjectProperty<DepartmentInfo> departmentProperty() {
        return department.getReadOnlyProperty();
    }

    /** No schedule: open around the clock (the server keeps no hours). */
    public BooleanProperty alwaysOpenProperty() {
        return alwaysOpen;
    }

    public StringProperty timeZoneProperty() {
        return timeZone;
    }

    public ObservableList<String> zones() {
        return zones;
    }

    /** A day's shifts as typed: "08:00-12:00, 13:00-16:00"; empty: closed that day. */
    public StringProperty dayProperty(DayOfWeek day) {
        return days.get(day);
    }

    /** Why the day's shifts are refused, or empty. */
    public StringBinding dayProblemProperty(DayOfWeek day) {
        return dayProblemTexts.get(day);
    }

    /** One holiday a line: "2026-12-25 Hari Raya Natal". */
    public StringProperty holidaysProperty() {
        return holidays;
    }

    public StringBinding holidaysProblemProperty() {
        return holidaysProblemText;
    }

    public StringBinding zoneProblemProperty() {
        return zoneProblemText;
    }

    /** Loading, saved, or why not. */
    public StringBinding statusProperty() {
        return statusText;
    }

    /** Whether the department is open now, as the server last said, and when it opens. */
    public StringBinding nowProperty() {
        return nowText;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    // Commands

    public void loadDepartments() {
        background.run(
                api::departments,
                list -> {
                    departments.setAll(list);
                    if (department.get() == null && !list.isEmpty()) {
                        select(list.get(0));
                    }
                },
                error -> status.set(new Message("hours.error.load")));
    }

    /** Shows a department's hours, as the server keeps them. */
    public void select(DepartmentInfo next) {
        department.set(next);
        if (next == null) {
            return;
        }
        busy.set(true);
        status.set(new Message("hours.loading"));
        background.run(
                () -> api.hours(next.id()),
                hours -> {
                    if (department.get() == next) {
                        show(hours);
                        status.set(null);
                    }
                    busy.set(false);
                },
                error -> {
                    busy.set(false);
                    status.set(new Message("hours.error.load"));
                });
    }

    /** Checks the form, then replaces the department's hours on the server. */
    public void save() {
        DepartmentInfo target = department.get();
        if (target == null || busy.get()) {
            return;
        }
        clearProblems();
        HoursRequest request = request();
        if (request == null) {
            status.set(new Message("hours.checkFields"));
            return;
        }
        busy.set(true);
        status.set(new Message("hours.saving"));
        background.run(
                () -> api.save(target.id(), request),
                hours -> {
                    busy.set(false);
                    if (department.get() == target) {
                        show(hours);
                    }
                    status.set(new Message("hours.saved", target.name()));
                },
                error -> {
                    busy.set(false);
                    refused(error);
                });
    }

    /** The request the form makes, or null after marking what is wrong. */
    private HoursRequest request() {
        if (alwaysOpen.get()) {
            return new HoursRequest(true, null, null, null);
        }
        boolean ok = true;
        Map<String, List<OpeningShift>> schedule = new LinkedHashMap<>();
        boolean anyShift = false;
        for (DayOfWeek day : DayOfWeek.values()) {
            ShiftText.Parsed parsed = ShiftText.parse(days.get(day).get());
            if (!parsed.ok()) {
                dayProblems.get(day).set(new Message(parsed.problem(), parsed.args().toArray()));
                ok = false;
                continue;
            }
            anyShift |= !parsed.shifts().isEmpty();
            schedule.put(day.name().toLowerCase(Locale.ROOT), parsed.shifts());
        }
        if (ok && !anyShift) {
            dayProblems.get(DayOfWeek.MONDAY).set(new Message("hours.error.noShift"));
            ok = false;
        }
        if (timeZone.get() == null || timeZone.get().isBlank()) {
            zoneProblem.set(new Message("hours.error.zone"));
            ok = false;
        }
        List<Holiday> closedDays = holidays();
        return ok && closedDays != null
                ? new HoursRequest(null, timeZone.get(), schedule, closedDays)
                : null;
    }

    /** The holidays typed, one a line; null after marking the first line that is no date. */
    private List<Holiday> holidays() {
        List<Holiday> list = new ArrayList<>();
        String[] lines = holidays.get() == null ? new String[0] : holidays.get().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            try {
                LocalDate.parse(parts[0]);
            } catch (DateTimeException e) {
                holidaysProblem.set(new Message("hours.error.holiday", i + 1, parts[0]));
                return null;
            }
            list.add(new Holiday(parts[0], parts.length > 1 ? parts[1] : null));
        }
        return list;
    }

    private void show(DepartmentHours hours) {
        stored.set(hours);
        clearProblems();
        alwaysOpen.set(hours.alwaysOpen());
        String zone = hours.timeZone() == null ? ZONES.get(0) : hours.timeZone();
        if (!zones.contains(zone)) {
            zones.add(zone);
        }
        timeZone.set(zone);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningShift> shifts =
                    hours.schedule() == null
                            ? List.of()
                            : hours.schedule()
                                    .getOrDefault(day.name().toLowerCase(Locale.ROOT), List.of());
            days.get(day).set(ShiftText.format(shifts));
        }
        holidays.set(
                String.join(
                        "\n",
                        hours.holidays().stream()
                                .map(
                                        h ->
                                                h.name() == null || h.name().isBlank()
                                                        ? h.date()
                                                        : h.date() + " " + h.name())
                                .toList()));
    }

    /** The server's refusal at the field it names; anything else in the status line. */
    private void refused(Throwable error) {
        if (error instanceof ApiException api && !api.fields().isEmpty()) {
            api.fields()
                    .forEach(
                            (field, reason) -> {
                                Message server = new Message("hours.error.server", reason);
                                if (field.startsWith("schedule.")) {
                                    DayOfWeek day = dayOf(field.substring("schedule.".length()));
                                    (day == null ? status : dayProblems.get(day)).set(server);
                                } else if (field.equals("time_zone")) {
                                    zoneProblem.set(server);
                                } else if (field.startsWith("holidays")) {
                                    holidaysProblem.set(server);
                                } else {
                                    status.set(server);
                                }
                            });
            if (status.get() == null || "hours.saving".equals(status.get().key())) {
                status.set(new Message("hours.checkFields"));
            }
            return;
        }
        String reason =
                error instanceof ApiException api
                        ? (api.serverMessage() == null ? api.error() : api.serverMessage())
                        : i18n.text("hours.error.unreachable");
        status.set(new Message("hours.error.save", reason));
    }

    private static DayOfWeek dayOf(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).equals(name)) {
                return day;
            }
        }
        return null;
    }

    private void clearProblems() {
        dayProblems.values().forEach(p -> p.set(null));
        holidaysProblem.set(null);
        zoneProblem.set(null);
    }

    private String now() {
        DepartmentHours hours = stored.get();
        if (hours == null) {
            return "";
        }
        if (hours.alwaysOpen()) {
            return i18n.text("hours.now.always");
        }
        if (hours.openNow()) {
            return i18n.text("hours.now.open");
        }
        if (hours.nextOpenAt() == null) {
            return i18n.text("hours.now.closedNoOpening");
        }
        ZoneId zone = ZoneId.of(hours.timeZone());
        String when =
                DateTimeFormatter.ofPattern("EEEE d MMMM HH:mm", i18n.locale())
                        .format(hours.nextOpenAt().atZone(zone));
        return i18n.text("hours.now.closed", when + " " + zoneName(hours.timeZone()));
    }

    /** WIB, WITA, WIT; another zone by its id. */
    public static String zoneName(String zone) {
        return switch (zone) {
            case "Asia/Jakarta", "Asia/Pontianak" -> "WIB";
            case "Asia/Makassar" -> "WITA";
            case "Asia/Jayapura" -> "WIT";
            default -> zone;
        };
    }
}
