package id.oss.livechat.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.testing.CountingSound;
import id.oss.livechat.desktop.util.Notice;
import org.junit.jupiter.api.Test;

class AttentionTest {
    private final CountingSound sound = new CountingSound();
    private final Attention attention = new Attention(sound);

    @Test
    void anArrivalChimesOnlyWhileTheWindowIsInTheBackground() {
        attention.notify(Notice.attention("Pengunjung baru"));
        assertThat(sound.chimes).hasValue(0);

        attention.windowFocusedProperty().set(false);
        attention.notify(Notice.attention("Pengunjung baru"));
        attention.notify(Notice.info("Chat dialihkan"));

        assertThat(sound.chimes).hasValue(1);
        assertThat(attention.latestProperty().get()).isEqualTo(Notice.info("Chat dialihkan"));
    }
}
