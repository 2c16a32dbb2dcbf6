package id.oss.livechat.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private Instant now = Instant.parse("2026-11-25T08:00:00Z");
    private final Clock clock =
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            };
    private final LoginThrottle throttle =
            new LoginThrottle(clock, LoginThrottle.USER_SLOW_AFTER, LoginThrottle.USER_LOCK_AFTER);

    @Test
    void theFirstMistakesCostNothingThenEachWaitsLonger() {
        assertThat(throttle.delayFor("user:agus")).isZero();
        throttle.failed("user:agus");
        assertThat(throttle.delayFor("user:agus")).isZero();
        throttle.failed("user:agus");
        Duration second = throttle.delayFor("user:agus");
        throttle.failed("user:agus");
        Duration third = throttle.delayFor("user:agus");
        assertThat(second).isPositive();
        assertThat(third).isGreaterThan(second);
        assertThat(throttle.delayFor("user:dewi")).isZero();
    }

    @Test
    void tooManyFailuresLockUntilTheWindowPasses() {
        for (int i = 0; i < LoginThrottle.USER_LOCK_AFTER; i++) {
            throttle.failed("ip:10.0.0.7");
        }
        assertThat(throttle.lockedFor("ip:10.0.0.7"))
                .isPositive()
                .isLessThanOrEqualTo(LoginThrottle.WINDOW);
        assertThat(throttle.delayFor("ip:10.0.0.7")).isLessThanOrEqualTo(LoginThrottle.MAX_DELAY);
        now = now.plus(LoginThrottle.WINDOW).plusSeconds(1);
        assertThat(throttle.lockedFor("ip:10.0.0.7")).isZero();
        assertThat(throttle.delayFor("ip:10.0.0.7")).isZero();
    }

    @Test
    void aSuccessClearsTheCount() {
        throttle.failed("user:agus");
        throttle.failed("user:agus");
        throttle.failed("user:agus");
        throttle.succeeded("user:agus");
        assertThat(throttle.delayFor("user:agus")).isZero();
    }
}
