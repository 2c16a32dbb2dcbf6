package id.oss.livechat.server.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects every problem of a request's fields before refusing it, so the caller learns all of them
 * at once: {@code FieldCheck.of().required("topic", topic, 255).email(...).orThrow()}.
 */
public final class FieldCheck {
    // One mailbox, as mail servers take it (RFC 5321's dot-atom): the local part of RFC 5322's
    // "atext" characters in dot-separated runs, a host name of letters, digits and inner hyphens
    // with a real top-level domain. Nothing that could make a second recipient or a header
    // (commas, semicolons, angle brackets, quotes, spaces, line breaks), no quoted local parts.
    private static final Pattern EMAIL =
            Pattern.compile(
                    "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                            + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
                            + "([A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$");
    static final int EMAIL_MAX = 254;
    static final int EMAIL_LOCAL_MAX = 64;
    // Indonesian and international numbers: an optional +, then 7 to 15 digits, with the
    // spaces, dashes, dots and parentheses people type.
    private static final Pattern PHONE_CHARS = Pattern.compile("^\\+?[0-9 ().-]+$");

    private final Map<String, String> errors = new LinkedHashMap<>();

    private FieldCheck() {}

    public static FieldCheck of() {
        return new FieldCheck();
    }

    /** Free text of several lines, required (see {@link #optional}). */
    public FieldCheck required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return fail(field, "is required");
        }
        return optional(field, value, maxLength);
    }

    /**
     * Free text of several lines (a message, a comment, a note): at most {@code maxLength}
     * characters, no control characters but line feed and tab, and well-formed Unicode.
     */
    public FieldCheck optional(String field, String value, int maxLength) {
        if (value != null) {
            if (value.length() > maxLength) {
                fail(field, "must be at most " + maxLength + " characters");
            } else {
                text(field, value);
            }
        }
        return this;
    }

    /** As {@link #optional}, and required. */
    public FieldCheck requiredLine(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return fail(field, "is required");
        }
        return line(field, value, maxLength);
    }

    /**
     * One line of text (a name, a topic, an address, a phone number): as {@link #optional}, and no
     * line break of any kind, since it ends up in mail headers and one-line labels.
     */
    public FieldCheck line(String field, String value, int maxLength) {
        optional(field, value, maxLength);
        if (value != null && !errors.containsKey(field) && hasLineBreak(value)) {
            fail(field, "must be a single line (no line breaks)");
        }
        return this;
    }

    /** Text: no control characters but line feed and tab, no broken UTF-16 (lone surrogates). */
    public FieldCheck text(String field, String value) {
        if (value != null && !errors.containsKey(field)) {
            if (hasControlCharacters(value)) {
                fail(field, "must not contain control characters");
            } else if (hasLoneSurrogate(value)) {
                fail(field, "must be valid Unicode text");
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

    /** One e-mail address (see {@link #EMAIL}), at most 254 characters. */
    public FieldCheck email(String field, String value) {
        if (value != null && !value.isBlank() && !errors.containsKey(field)) {
            if (!isEmail(value.strip())) {
                fail(field, "must be a valid e-mail address");
            }
        }
        return this;
    }

    /** Whether {@code value} is one e-mail address as {@link #email} accepts it. */
    public static boolean isEmail(String value) {
        if (value == null || value.length() > EMAIL_MAX) {
            return false;
        }
        int at = value.indexOf('@');
        return at > 0 && at <= EMAIL_LOCAL_MAX && EMAIL.matcher(value).matches();
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

    private static boolean hasLineBreak(String value) {
        return value.chars()
                .anyMatch(
                        c ->
                                c == '\n'
                                        || c == '\r'
                                        || c == '\u0085'
                                        || c == '\u2028'
                                        || c == '\u2029');
    }

    private static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
