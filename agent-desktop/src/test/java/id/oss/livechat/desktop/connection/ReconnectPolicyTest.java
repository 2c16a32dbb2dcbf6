package id.oss.livechat.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

    @Test
    void delaysDoubleUpToThirtySeconds() {
        ReconnectPolicy policy = new ReconnectPolicy(() -> 0.5);

        assertThat(
                        java.util.stream.Stream.generate(policy::nextDelay)
                                .limit(8)
                                .map(Duration::getSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void jitterStaysWithinTwentyPercent() {
        assertThat(new ReconnectPolicy(() -> 0.0).nextDelay()).isEqualTo(Duration.ofMillis(800));
        assertThat(new ReconnectPolicy(() -> 0.999999).nextDelay())
                .isEqualTo(Duration.ofMillis(1200));
    }

    @Test
    void stopIsFinalUntilANewSignInResumes() {
        ReconnectPolicy policy = new ReconnectPolicy(() -> 0.5);
        policy.nextDelay();
        policy.nextDelay();

        policy.stop();
        assertThat(policy.isStopped()).isTrue();

        policy.resume();
        assertThat(policy.isStopped()).isFalse();
        assertThat(policy.nextDelay()).isEqualTo(Duration.ofSeconds(1));
    }
}
