package id.oss.livechat.server.protection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Token buckets (Bucket4j) per kind of limit and per key: a client address, or a visitor session's
 * token. Buckets live in memory, per node, in a bounded cache: a flood of new addresses evicts the
 * least used buckets instead of exhausting the heap, and a bucket unused for longer than its
 * longest window is dropped (it would be full again by then anyway).
 */
public final class RateLimits {
    /** How many keys each kind of limit remembers at most. */
    static final long MAX_KEYS_PER_LIMIT = 100_000;

    /** What is counted, and per what. */
    public enum Kind {
        /** Every anonymous request, per client address. */
        ADDRESS_REQUESTS,
        /** Chats started, per client address. */
        ADDRESS_STARTS,
        /** Staff sign-in attempts, per client address. */
        ADDRESS_LOGINS,
        /** Chat sockets opened, per client address. */
        ADDRESS_SOCKET_OPENS,
        /** Every request about one visitor session, per visitor token. */
        SESSION_REQUESTS,
        /** Messages sent over REST, per visitor token (the socket's own limit, over REST). */
        SESSION_MESSAGES,
        /** Files uploaded, per visitor token: each may be megabytes, so far fewer than requests. */
        SESSION_UPLOADS
    }

    /** One window of a limit: {@code tokens} per {@code period}, all of them usable at once. */
    public record Window(long tokens, Duration period) {
        public Window {
            if (tokens < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs tokens >= 1 per a period");
            }
        }
    }

    /**
     * A limit: a burst, refilled at a steady rate. {@code burst} tokens at once, then {@code
     * refill.tokens} per {@code refill.period}.
     */
    public record Limit(long burst, Window refill) {}

    /** The answer for one request: allowed, or refused with how long to wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);
    }

    private final Map<Kind, Limit> limits;
    private final Map<Kind, Cache<String, Bucket>> buckets = new EnumMap<>(Kind.class);

    public RateLimits(Map<Kind, Limit> limits) {
        this.limits = new EnumMap<>(limits);
        for (Map.Entry<Kind, Limit> entry : this.limits.entrySet()) {
            Limit limit = entry.getValue();
            // a bucket left alone for the time it takes to fill up is as good as a new one
            Duration refillAll =
                    limit.refill()
                            .period()
                            .multipliedBy(
                                    Math.max(
                                            1,
                                            (limit.burst() + limit.refill().tokens() - 1)
                                                    / limit.refill().tokens()));
            buckets.put(
                    entry.getKey(),
                    Caffeine.newBuilder()
                            .maximumSize(MAX_KEYS_PER_LIMIT)
                            .expireAfterAccess(refillAll)
                            .build());
        }
    }

    /** Takes one token for {@code key} from the limit of {@code kind}. */
    public Decision take(Kind kind, String key) {
        Limit limit = limits.get(kind);
        if (limit == null || key == null) {
            return Decision.ALLOWED;
        }
        Bucket bucket = buckets.get(kind).get(key, k -> newBucket(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Decision.ALLOWED;
        }
        long nanos = probe.getNanosToWaitForRefill();
        long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        return new Decision(false, seconds);
    }

    /** How many keys a limit remembers now (for tests of the bound). */
    long keys(Kind kind) {
        Cache<String, Bucket> cache = buckets.get(kind);
        if (cache == null) {
            return 0;
        }
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static Bucket newBucket(Limit limit) {
        return Bucket.builder()
                .addLimit(
                        Bandwidth.builder()
                                .capacity(limit.burst())
                                .refillGreedy(limit.refill().tokens(), limit.refill().period())
                                .initialTokens(limit.burst())
                                .build())
                .build();
    }
}
