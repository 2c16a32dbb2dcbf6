package id.oss.livechat.desktop.connection;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next reconnect: 1 s, 2 s, 4 s … up to 30 s, each ±20 % so that many
 * desktops do not return to a restarted server in the same instant. A stop flag ends the retries
 * for good when the user signs out.
 */
public final class ReconnectPolicy {
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(30);
    private static final double JITTER = 0.2;

    private final DoubleSupplier random;
    private int failures;
    private volatile boolean stopped;

    public ReconnectPolicy() {
        this(Math::random);
    }

    /** {@code random} gives numbers in [0, 1); tests pass a fixed one. */
    public ReconnectPolicy(DoubleSupplier random) {
        this.random = random;
    }

    /** The wait before the next attempt; each call counts one more failure. */
    public Duration nextDelay() {
        long base = FIRST.toMillis() << Math.min(failures, 5);
        failures++;
        long capped = Math.min(base, MAX.toMillis());
        double factor = 1 + JITTER * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.round(capped * factor));
    }

    /** Connected again: the next drop starts from the short wait. */
    public void reset() {
        failures = 0;
    }

    public void stop() {
        stopped = true;
    }

    /** A new sign-in may connect again. */
    public void resume() {
        stopped = false;
        failures = 0;
    }

    public boolean isStopped() {
        return stopped;
    }
}
