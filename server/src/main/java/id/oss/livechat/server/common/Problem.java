package id.oss.livechat.server.common;

import java.time.Duration;
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
    private final Duration retryAfter;

    public Problem(Kind kind, String code, String message, Map<String, String> fields) {
        this(kind, code, message, fields, null);
    }

    private Problem(
            Kind kind,
            String code,
            String message,
            Map<String, String> fields,
            Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.fields = Map.copyOf(fields);
        this.retryAfter = retryAfter;
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

    /** Too many requests: {@code 429 rate_limited}, to be tried again after {@code retryAfter}. */
    public static Problem rateLimited(String message, Duration retryAfter) {
        return new Problem(Kind.RATE_LIMITED, "rate_limited", message, Map.of(), retryAfter);
    }

    /**
     * Not now, for a reason of ours: {@code 503} with the code, tried again after {@code
     * retryAfter}.
     */
    public static Problem unavailable(String code, String message, Duration retryAfter) {
        return new Problem(Kind.UNAVAILABLE, code, message, Map.of(), retryAfter);
    }

    /** When the caller may try again ({@code Retry-After}), or null when that is not known. */
    public Duration retryAfter() {
        return retryAfter;
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
