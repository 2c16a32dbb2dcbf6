package id.oss.livechat.desktop.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class ChimeSoundTest {

    @Test
    void withoutASoundDeviceTheChimeFallsBackQuietly() {
        // the test run is headless, usually without a sound device: nothing may escape
        assertThatCode(ChimeSound::play).doesNotThrowAnyException();
    }

    @Test
    void theTonesFadeInAndOutAndStaySoft() {
        byte[] samples = ChimeSound.tones(new double[] {880, 1320}, 0.12);

        assertThat(samples).hasSize(2 * (int) (22_050 * 0.12));
        assertThat(samples[0]).isZero();
        int loudest = 0;
        for (byte sample : samples) {
            loudest = Math.max(loudest, Math.abs(sample));
        }
        assertThat(loudest).isBetween(30, 40);
    }
}
