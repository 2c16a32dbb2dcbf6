package id.oss.livechat.server.common;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration written as numbers with units, as {@code JWT_EXPIRES_IN} and the profiler's
 * {@code max} take it: {@code 24h}, {@code 30m}, {@code 1h30m}, {@code 90s}, {@code 1.5h}, {@code
 * 500ms}.
 */
public final class DurationText {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private DurationText() {}

    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a duration is required, e.g. 24h");
        }
        String value = text.strip();
        Matcher matcher = PART.matcher(value);
        double nanos = 0;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                break;
            }
            double amount = Double.parseDouble(matcher.group(1));
            nanos +=
                    amount
                            * switch (matcher.group(2)) {
                                case "ms" -> 1e6;
                                case "s" -> 1e9;
                                case "m" -> 60e9;
                                default -> 3600e9;
                            };
            end = matcher.end();
        }
        if (end != value.length() || end == 0) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration like 24h, 30m or 1h30m");
        }
        return Duration.ofNanos((long) nanos);
    }
}
