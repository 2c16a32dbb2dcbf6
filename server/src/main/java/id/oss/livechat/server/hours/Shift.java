package id.oss.livechat.server.hours;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One stretch of a day during which a department is open, on the department's clock, as minutes
 * after midnight: {@code opens} from 0 to 1439, {@code closes} after it, up to 1440 (24:00, the end
 * of the day). A shift past midnight is two shifts, one on each day.
 */
public record Shift(int opens, int closes) implements Comparable<Shift> {
    public static final int END_OF_DAY = 24 * 60;
    private static final Pattern TIME = Pattern.compile("([0-9]{2}):([0-9]{2})");

    public Shift {
        if (opens < 0 || closes > END_OF_DAY || opens >= closes) {
            throw new IllegalArgumentException("not a shift: " + opens + "-" + closes);
        }
    }

    /** {@code "08:00"} as minutes after midnight; {@code "24:00"} only where a shift may end. */
    public static Optional<Integer> minutes(String time, boolean endOfDayAllowed) {
        if (time == null) {
            return Optional.empty();
        }
        Matcher m = TIME.matcher(time);
        if (!m.matches()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        if (hour == 24 && minute == 0 && endOfDayAllowed) {
            return Optional.of(END_OF_DAY);
        }
        if (hour > 23 || minute > 59) {
            return Optional.empty();
        }
        return Optional.of(hour * 60 + minute);
    }

    public static String format(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    public boolean overlaps(Shift other) {
        return opens < other.closes && other.opens < closes;
    }

    /** {@code "08:00-16:00"}, as stored. */
    @Override
    public String toString() {
        return format(opens) + "-" + format(closes);
    }

    @Override
    public int compareTo(Shift other) {
        return opens != other.opens
                ? Integer.compare(opens, other.opens)
                : Integer.compare(closes, other.closes);
    }
}
