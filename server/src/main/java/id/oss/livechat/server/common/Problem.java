package id.oss.livechat.server.common;

import java.util.Map;

/**
 * A refusal the domain explains to the caller: what kind of refusal it is (which the web adapter
 * turns into a status code), a stable code, a sentence, and the offending fields. Domain code
 * throws it; it knows nothing of HTTP.
 */
public class Problem extends RuntimeException {

    /** The kinds of refusal, each one HTTP status in the web adapter. */
    public enum Kind {
        INVALID,
        UNAUTHORIZED,
        FORBIDDEN,
        NOT_FOUND,
        CONFLICT,
        TOO_LARGE,
        UNSUPPORTED_TYPE,
        RATE_LIMITED,
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;
    private final Map<String, String> fields;

    public Problem(Kind kind, String code, String message, Map<String, String> fields) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.fields = Map.copyOf(fields);
    }

    public Problem(Kind kind, String code, String message) {
        this(kind, code, message, Map.of());
    }

    public static Problem invalid(Map<String, String> fields) {
        return new Problem(
                Kind.INVALID, "validation_failed", "Some fields are missing or invalid.", fields);
    }

    public static Problem invalidField(String field, String reason) {
        return invalid(Map.of(field, reason));
    }

    public static Problem unauthorized(String code, String message) {
        return new Problem(Kind.UNAUTHORIZED, code, message);
    }

    public static Problem forbidden(String message) {
        return new Problem(Kind.FORBIDDEN, "forbidden", message);
    }

    public static Problem notFound(String what) {
        return new Problem(Kind.NOT_FOUND, "not_found", what + " was not found.");
    }

    public static Problem conflict(String code, String message) {
        return new Problem(Kind.CONFLICT, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Map<String, String> fields() {
        return fields;
    }
}
