package id.oss.livechat.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.testing.CountingSound;
import id.oss.livechat.desktop.testing.MemorySettings;
import id.oss.livechat.desktop.util.DesktopPlatform;
import id.oss.livechat.desktop.util.Notice;
import org.junit.jupiter.api.Test;

class AttentionTest {
    private final CountingSound sound = new CountingSound();
    private final DesktopPlatform.Recording platform = new DesktopPlatform.Recording();
    private final MemorySettings settings = new MemorySettings();
    private final Attention attention = new Attention(sound, platform, settings);

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

    @Test
    void inTheBackgroundAnArrivalAlsoRaisesASystemNotificationAndTheTaskbarHint() {
        attention.notify(Notice.attention("Pesan baru dari Siti Rahmawati"));
        assertThat(platform.notifications).isEmpty();

        attention.windowFocusedProperty().set(false);
        attention.notify(Notice.attention("Pesan baru dari Siti Rahmawati"));
        attention.notify(Notice.error("Chat tidak dapat ditutup"));

        assertThat(platform.notifications)
                .containsExactly("OSS LiveChat: Pesan baru dari Siti Rahmawati");
        assertThat(platform.attentionRequests()).isEqualTo(1);
    }

    @Test
    void theSoundCanBeSwitchedOffAndStaysOffNextTime() {
        attention.windowFocusedProperty().set(false);
        attention.soundOnProperty().set(false);

        attention.notify(Notice.attention("Pengunjung baru"));

        assertThat(sound.chimes).hasValue(0);
        assertThat(platform.notifications).hasSize(1); // the notification still shows
        assertThat(settings.soundOn()).isFalse();
        assertThat(new Attention(sound, platform, settings).soundOnProperty().get()).isFalse();
    }

    @Test
    void theWindowTitleCountsUnreadMessages() {
        assertThat(attention.windowTitle().get()).isEqualTo("OSS LiveChat");

        attention.unreadProperty().set(3);

        assertThat(attention.windowTitle().get()).isEqualTo("(3) OSS LiveChat");
    }
}
