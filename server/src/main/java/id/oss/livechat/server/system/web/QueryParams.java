package id.oss.livechat.server.system.web;

import id.oss.livechat.server.common.FieldCheck;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads query parameters, noting each unreadable one in a {@link FieldCheck} so the caller hears
 * about all of them at once.
 */
public final class QueryParams {
    private final FieldCheck check;

    public QueryParams(FieldCheck check) {
        this.check = check;
    }

    public UUID uuid(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            check.fail(name, "must be a UUID");
            return null;
        }
    }

    public Integer integer(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            check.fail(name, "must be a whole number");
            return null;
        }
    }

    /** An enum by its lower-case wire name. */
    public <E extends Enum<E>> E choice(
            String name, String value, Class<E> type, Function<String, E> parse) {
        if (blank(value)) {
            return null;
        }
        try {
            return parse.apply(value.trim());
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ")
                        .append(constant.name().toLowerCase(Locale.ROOT));
            }
            check.fail(name, "must be one of " + allowed);
            return null;
        }
    }

    /**
     * A point in time: an ISO-8601 instant ({@code 2026-11-25T10:00:00Z}) or a date, read as the
     * start of that day in UTC, or with {@code endOfDay} as the start of the next (so {@code
     * to=2026-11-25} includes the whole of that day).
     */
    public Instant instant(String name, String value, boolean endOfDay) {
        if (blank(value)) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            check.fail(
                    name, "must be a date (2026-11-25) or an ISO-8601 time (2026-11-25T10:00:00Z)");
            return null;
        }
    }

    /** A calendar day: {@code 2026-11-25}. */
    public LocalDate date(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            check.fail(name, "must be a date like 2026-11-25");
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
