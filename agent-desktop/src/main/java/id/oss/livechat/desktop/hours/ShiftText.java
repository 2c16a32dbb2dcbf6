package id.oss.livechat.desktop.hours;

import id.oss.livechat.model.staff.OpeningShift;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day's shifts as an admin types them, {@code "08:00-12:00, 13:00-16:00"}, and back. Checks what
 * the server would refuse (a time that is no time of day, a shift that closes before it opens, two
 * that overlap), so the admin reads why at the field, in the desktop's language. Pure.
 */
public final class ShiftText {
    private static final Pattern SHIFT =
            Pattern.compile("\\s*([0-9]{1,2}[:.][0-9]{2})\\s*[-–]\\s*([0-9]{1,2}[:.][0-9]{2})\\s*");
    private static final Pattern TIME = Pattern.compile("([0-9]{1,2})[:.]([0-9]{2})");

    private ShiftText() {}

    /** The shifts, or a problem: a text key of the messages and its arguments. */
    public record Parsed(List<OpeningShift> shifts, String problem, List<String> args) {
        public boolean ok() {
            return problem == null;
        }

        static Parsed problem(String key, String... args) {
            return new Parsed(List.of(), key, List.of(args));
        }
    }

    public static Parsed parse(String text) {
        List<OpeningShift> shifts = new ArrayList<>();
        List<int[]> minutes = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new Parsed(shifts, null, List.of());
        }
        for (String piece : text.split(",")) {
            if (piece.isBlank()) {
                continue;
            }
            Matcher m = SHIFT.matcher(piece);
            if (!m.matches()) {
                return Parsed.problem("hours.error.format");
            }
            Integer opens = minutes(m.group(1), false);
            Integer closes = minutes(m.group(2), true);
            if (opens == null) {
                return Parsed.problem("hours.error.time", m.group(1));
            }
            if (closes == null) {
                return Parsed.problem("hours.error.time", m.group(2));
            }
            String span = format(opens) + "–" + format(closes);
            if (opens >= closes) {
                return Parsed.problem("hours.error.order", span);
            }
            for (int[] earlier : minutes) {
                if (opens < earlier[1] && earlier[0] < closes) {
                    return Parsed.problem(
                            "hours.error.overlap",
                            format(earlier[0]) + "–" + format(earlier[1]),
                            span);
                }
            }
            minutes.add(new int[] {opens, closes});
            shifts.add(new OpeningShift(format(opens), format(closes)));
        }
        return new Parsed(shifts, null, List.of());
    }

    /** The day's shifts as the admin reads and types them. */
    public static String format(List<OpeningShift> shifts) {
        return String.join(", ", shifts.stream().map(s -> s.opens() + "-" + s.closes()).toList());
    }

    private static Integer minutes(String time, boolean endOfDay) {
        Matcher m = TIME.matcher(time);
        if (!m.matches()) {
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        if (endOfDay && hour == 24 && minute == 0) {
            return 24 * 60;
        }
        return hour > 23 || minute > 59 ? null : hour * 60 + minute;
    }

    private static String format(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
