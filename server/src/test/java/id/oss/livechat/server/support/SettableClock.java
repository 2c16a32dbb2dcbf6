package id.oss.livechat.server.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The server's clock in tests: the system's, until a test sets it to a moment (a public holiday,
 * the next opening), where it stands still until set again or reset. Only what reads the server's
 * {@link Clock} moves with it; PostgreSQL's {@code now()} does not.
 */
public final class SettableClock extends Clock {
    private volatile Instant fixed;

    /** Stops the clock at {@code instant}. */
    public void set(Instant instant) {
        this.fixed = instant;
    }

    /** Back to the system's time. */
    public void reset() {
        this.fixed = null;
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now != null ? now : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        SettableClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
