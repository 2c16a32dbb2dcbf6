package id.oss.livechat.server.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. Failures are counted per key (a username, or an address) over a
 * window; past {@code slowAfter} failures each attempt waits longer (doubling, up to a cap), and
 * after {@code lockAfter} the key is refused until the window passes. A success clears the key.
 * Kept in memory: per node, which is enough to make guessing slow.
 */
public final class LoginThrottle {
    static final Duration WINDOW = Duration.ofMinutes(15);

    /** One account: a person mistypes twice; ten failures is someone guessing. */
    public static final int USER_SLOW_AFTER = 2;

    public static final int USER_LOCK_AFTER = 10;

    /**
     * One address: a whole help desk may sit behind one office address, so it takes many more
     * failures to slow or lock it.
     */
    public static final int ADDRESS_SLOW_AFTER = 20;

    public static final int ADDRESS_LOCK_AFTER = 100;
    static final Duration FIRST_DELAY = Duration.ofMillis(250);
    static final Duration MAX_DELAY = Duration.ofSeconds(2);
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final int slowAfter;
    private final int lockAfter;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, int slowAfter, int lockAfter) {
        this.clock = clock;
        this.slowAfter = slowAfter;
        this.lockAfter = lockAfter;
    }

    private record Failures(int count, Instant since) {}

    /** How long an attempt with this key must wait before it is even checked. */
    public Duration delayFor(String key) {
        int count = current(key);
        if (count < slowAfter) {
            return Duration.ZERO;
        }
        long millis = FIRST_DELAY.toMillis() << Math.min(count - slowAfter, 10);
        return Duration.ofMillis(Math.min(millis, MAX_DELAY.toMillis()));
    }

    /** Whether attempts with this key are refused outright, and for how long. */
    public Duration lockedFor(String key) {
        Failures entry = failures.get(key);
        if (entry == null || current(key) < lockAfter) {
            return Duration.ZERO;
        }
        return Duration.between(clock.instant(), entry.since().plus(WINDOW));
    }

    public void failed(String key) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.since().plus(WINDOW).isBefore(now));
        }
        failures.merge(
                key,
                new Failures(1, now),
                (old, fresh) ->
                        expired(old, now) ? fresh : new Failures(old.count() + 1, old.since()));
    }

    public void succeeded(String key) {
        failures.remove(key);
    }

    private int current(String key) {
        Failures entry = failures.get(key);
        if (entry == null) {
            return 0;
        }
        if (expired(entry, clock.instant())) {
            failures.remove(key, entry);
            return 0;
        }
        return entry.count();
    }

    private static boolean expired(Failures entry, Instant now) {
        return !entry.since().plus(WINDOW).isAfter(now);
    }
}
