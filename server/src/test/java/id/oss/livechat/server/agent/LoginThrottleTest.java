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
    private final LoginThrottle throttle = new LoginThrottle(clock, LoginThrottle.USER_SLOW_AFTER);

    @Test
    void theFirstMistakesCostNothingThenEachWaitsLonger() {
        assertThat(throttle.attempt("agus from 10.0.0.7").delay()).isZero();
        assertThat(throttle.attempt("agus from 10.0.0.7").delay()).isZero();
        Duration third = throttle.attempt("agus from 10.0.0.7").delay();
        Duration fourth = throttle.attempt("agus from 10.0.0.7").delay();
        assertThat(third).isPositive();
        assertThat(fourth).isGreaterThan(third);
        assertThat(throttle.attempt("dewi from 10.0.0.7").delay()).isZero();
    }

    @Test
    void parallelGuessesAreEachCountedAndQueuedOneAfterAnother() {
        Duration previous = Duration.ZERO;
        for (int i = 1; i <= 12; i++) {
            LoginThrottle.Turn turn = throttle.attempt("admin from 10.0.0.7");
            assertThat(turn.attempts()).isEqualTo(i);
            if (i > LoginThrottle.USER_SLOW_AFTER) {
                assertThat(turn.delay()).isGreaterThan(previous);
            }
            previous = turn.delay();
        }
        // 0.25 + 0.5 + 1 + 2 s × 7: a burst cannot be checked all at once
        assertThat(previous).isGreaterThanOrEqualTo(Duration.ofMillis(15_750));
    }

    @Test
    void theOperatorsMaximumCapsTheDelayButNeverBelowTheFirst() {
        LoginThrottle capped =
                new LoginThrottle(clock, LoginThrottle.USER_SLOW_AFTER, Duration.ofMillis(500));
        assertThat(capped.delayFor(3)).isEqualTo(Duration.ofMillis(250));
        assertThat(capped.delayFor(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(capped.delayFor(10)).isEqualTo(Duration.ofMillis(500));
        assertThat(throttle.delayFor(10)).isEqualTo(LoginThrottle.MAX_DELAY);

        LoginThrottle off = new LoginThrottle(clock, LoginThrottle.USER_SLOW_AFTER, Duration.ZERO);
        assertThat(off.delayFor(10)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aStrangersGuessesNeverLockTheNameFromAnotherAddress() {
        for (int i = 0; i < 100; i++) {
            throttle.attempt("admin from 203.0.113.9");
        }
        LoginThrottle.Turn admin = throttle.attempt("admin from 10.0.0.7");
        assertThat(admin.delay()).isZero();
        assertThat(admin.refused()).isFalse();
    }

    @Test
    void onlyAQueueLongerThanAMinuteIsRefusedAndOnlyUntilItDrains() {
        LoginThrottle.Turn last = null;
        for (int i = 0; i < 40; i++) {
            last = throttle.attempt("admin from 203.0.113.9");
        }
        assertThat(last.refused()).isTrue();
        now = now.plus(LoginThrottle.MAX_WAIT);
        assertThat(throttle.attempt("admin from 203.0.113.9").refused()).isFalse();
    }

    @Test
    void aSuccessClearsTheCount() {
        throttle.attempt("agus from 10.0.0.7");
        throttle.attempt("agus from 10.0.0.7");
        throttle.attempt("agus from 10.0.0.7");
        throttle.succeeded("agus from 10.0.0.7");
        assertThat(throttle.attempt("agus from 10.0.0.7").delay()).isZero();
    }

    @Test
    void theWindowForgetsOldAttempts() {
        for (int i = 0; i < 5; i++) {
            throttle.attempt("agus from 10.0.0.7");
        }
        now = now.plus(LoginThrottle.WINDOW).plusSeconds(1);
        assertThat(throttle.attempt("agus from 10.0.0.7").attempts()).isEqualTo(1);
    }

    @Test
    void aSharedAddressForgivesEachSuccessButNotTheOthersFailures() {
        LoginThrottle office = new LoginThrottle(clock, LoginThrottle.ADDRESS_SLOW_AFTER);
        for (int i = 0; i < 50; i++) {
            office.attempt("10.0.0.1");
            office.forgive("10.0.0.1");
        }
        assertThat(office.attempt("10.0.0.1").attempts()).isEqualTo(1);
    }
}
