package id.oss.livechat.server.system.logging;

import io.micrometer.context.ContextRegistry;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The request id: the caller's {@code X-Request-Id} when it is a plain token (a proxy's or the
 * desktop's), else a fresh one. It lives in the Reactor context under {@link #KEY}; context
 * propagation copies it into the logging MDC on whichever thread works for the request, so every
 * log line of the request carries it as {@code request_id}.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String KEY = "request_id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestIds() {}

    /** The id to use for a request that came with this header value (may be null). */
    public static String accept(String header) {
        if (header != null && ACCEPTED.matcher(header).matches()) {
            return header;
        }
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /**
     * Writes a log line of the request whose id is {@code id} (null: none known) with that id in
     * the MDC, on whatever thread the request's work is; the MDC is as before afterwards.
     */
    public static void logWith(String id, Runnable logging) {
        withId(
                id,
                () -> {
                    logging.run();
                    return null;
                });
    }

    /** Runs {@code work} with {@code id} (null: none) in the MDC, which is as before afterwards. */
    static <T> T withId(String id, Supplier<T> work) {
        if (id == null) {
            return work.get();
        }
        String previous = MDC.get(KEY);
        MDC.put(KEY, id);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, previous);
            }
        }
    }

    /** Tells context propagation how to move {@link #KEY} between Reactor context and MDC. */
    static void registerWithContextPropagation() {
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(
                        KEY,
                        () -> MDC.get(KEY),
                        value -> MDC.put(KEY, value),
                        () -> MDC.remove(KEY));
    }
}
