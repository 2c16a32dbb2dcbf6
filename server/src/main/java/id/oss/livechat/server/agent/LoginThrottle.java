package id.oss.livechat.server.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing without ever locking anyone out. Attempts are counted per key (a
 * user name with the caller's address, or an address alone) over a window, <em>before</em> the
 * password is checked, so a burst of parallel guesses is counted in full. Past {@code slowAfter}
 * attempts each one is given a turn: a delay that doubles up to a maximum ({@link #MAX_DELAY}
 * unless the operator sets {@code LOGIN_SLOWDOWN_MAX}) after the later of now and the previous
 * attempt's turn, so parallel guesses queue one after another instead of being checked together. A
 * key whose queue is longer than {@link #MAX_WAIT} is told to come back later ({@link
 * Turn#refused()}): only that key, so a stranger guessing a name from its own address slows itself
 * and never the staff member signing in from another. A success clears the key. Kept in memory: per
 * node, which is enough to make guessing slow.
 */
public final class LoginThrottle {
    static final Duration WINDOW = Duration.ofMinutes(15);

    /** A user name from one address: a person mistypes twice; more is someone guessing. */
    public static final int USER_SLOW_AFTER = 2;

    /**
     * One address, whatever the names: a whole help desk may sit behind one office address, so it
     * takes many more failures to slow it.
     */
    public static final int ADDRESS_SLOW_AFTER = 20;

    static final Duration FIRST_DELAY = Duration.ofMillis(250);

    /** The longest delay between two turns, by default. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(2);

    /** A key with more than this queued is refused until its queue drains (bounded waiting). */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final int slowAfter;
    private final Duration maxDelay;
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, int slowAfter) {
        this(clock, slowAfter, MAX_DELAY);
    }

    /**
     * With the longest delay between two turns {@code maxDelay}; never shorter than the first
     * delay, so the slow-down cannot be turned off.
     */
    public LoginThrottle(Clock clock, int slowAfter, Duration maxDelay) {
        this.clock = clock;
        this.slowAfter = slowAfter;
        this.maxDelay = maxDelay.compareTo(FIRST_DELAY) < 0 ? FIRST_DELAY : maxDelay;
    }

    /** Attempts not yet followed by a success in the window, and the last one's turn. */
    private record Attempts(int count, Instant since, Instant lastTurn) {}

    /** When a counted attempt may be checked: {@code delay} from now, or refused (queue full). */
    public record Turn(Duration delay, int attempts, boolean refused) {}

    /** Counts an attempt before its password is checked, and gives it its turn. */
    public Turn attempt(String key) {
        Instant now = clock.instant();
        if (attempts.size() > MAX_TRACKED) {
            attempts.values().removeIf(a -> expired(a, now));
        }
        Turn[] given = new Turn[1];
        attempts.compute(
                key,
                (k, old) -> {
                    Attempts base = old == null || expired(old, now) ? null : old;
                    int count = base == null ? 1 : base.count() + 1;
                    Instant since = base == null ? now : base.since();
                    // after the later of now and the previous turn: a sequential guess waits the
                    // whole delay, and parallel ones line up behind each other
                    Instant turn =
                            base == null ? now : later(now, base.lastTurn()).plus(delayFor(count));
                    Duration wait = Duration.between(now, turn);
                    if (wait.compareTo(MAX_WAIT) > 0) {
                        // refused attempts take no turn: the queue drains by itself
                        given[0] = new Turn(Duration.ZERO, count, true);
                        return new Attempts(count, since, base.lastTurn());
                    }
                    given[0] = new Turn(wait, count, false);
                    return new Attempts(count, since, turn);
                });
        return given[0];
    }

    /** The right password: the key starts afresh. */
    public void succeeded(String key) {
        attempts.remove(key);
    }

    /**
     * The right password, for a key shared by many people (an office's address): this attempt no
     * longer counts, but the others' failures still do.
     */
    public void forgive(String key) {
        attempts.computeIfPresent(
                key,
                (k, a) ->
                        a.count() <= 1
                                ? null
                                : new Attempts(a.count() - 1, a.since(), a.lastTurn()));
    }

    /** The delay between the turns of a key's {@code count}th attempt and the one before. */
    Duration delayFor(int count) {
        if (count <= slowAfter) {
            return Duration.ZERO;
        }
        long millis = FIRST_DELAY.toMillis() << Math.min(count - slowAfter - 1, 10);
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static boolean expired(Attempts entry, Instant now) {
        return !entry.since().plus(WINDOW).isAfter(now) && !entry.lastTurn().isAfter(now);
    }
}
