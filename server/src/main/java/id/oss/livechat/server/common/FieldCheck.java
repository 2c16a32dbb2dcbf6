package id.oss.livechat.server.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects every problem of a request's fields before refusing it, so the caller learns all of them
 * at once: {@code FieldCheck.of().required("topic", topic, 255).email(...).orThrow()}.
 */
public final class FieldCheck {
    // Deliberately plain: one @, a dot in the domain, no spaces. RFC 5322 in full accepts
    // addresses no mail desk would, and a stricter rule rejects real ones.
    private static final Pattern EMAIL =
            Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");
    // Indonesian and international numbers: an optional +, then 7 to 15 digits, with the
    // spaces, dashes, dots and parentheses people type.
    private static final Pattern PHONE_CHARS = Pattern.compile("^\\+?[0-9 ().-]+$");

    private final Map<String, String> errors = new LinkedHashMap<>();

    private FieldCheck() {}

    public static FieldCheck of() {
        return new FieldCheck();
    }

    public FieldCheck required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return fail(field, "is required");
        }
        return optional(field, value, maxLength);
    }

    public FieldCheck optional(String field, String value, int maxLength) {
        if (value != null) {
            if (value.length() > maxLength) {
                fail(field, "must be at most " + maxLength + " characters");
            } else if (hasControlCharacters(value)) {
                fail(field, "must not contain control characters");
            }
        }
        return this;
    }

    public FieldCheck requiredPresent(String field, Object value) {
        if (value == null) {
            fail(field, "is required");
        }
        return this;
    }

    public FieldCheck email(String field, String value) {
        if (value != null && !value.isBlank() && !errors.containsKey(field)) {
            if (value.length() > 255 || !EMAIL.matcher(value.trim()).matches()) {
                fail(field, "must be a valid e-mail address");
            }
        }
        return this;
    }

    public FieldCheck phone(String field, String value) {
        if (value != null && !value.isBlank() && !errors.containsKey(field)) {
            long digits = value.chars().filter(Character::isDigit).count();
            if (!PHONE_CHARS.matcher(value.trim()).matches() || digits < 7 || digits > 15) {
                fail(field, "must be a phone number of 7 to 15 digits, e.g. +6281234567890");
            }
        }
        return this;
    }

    public FieldCheck rule(boolean ok, String field, String reason) {
        if (!ok) {
            fail(field, reason);
        }
        return this;
    }

    public FieldCheck fail(String field, String reason) {
        errors.putIfAbsent(field, reason);
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void orThrow() {
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
    }

    private static boolean hasControlCharacters(String value) {
        return value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t');
    }
}
