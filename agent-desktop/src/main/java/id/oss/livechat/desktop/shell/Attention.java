package id.oss.livechat.desktop.shell;

import id.oss.livechat.desktop.util.DesktopPlatform;
import id.oss.livechat.desktop.util.Notice;
import id.oss.livechat.desktop.util.Notifier;
import id.oss.livechat.desktop.util.Settings;
import id.oss.livechat.desktop.util.Sound;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * Catches the agent's attention: the latest notice for the toast; and while the window is in the
 * background, a new chat or message also raises a system notification and the taskbar's hint, and
 * chimes unless the agent switched the sound off. The window's title counts the unread messages.
 */
public final class Attention implements Notifier {
    static final String APP_TITLE = "OSS LiveChat";

    private final ReadOnlyObjectWrapper<Notice> latest = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty windowFocused = new SimpleBooleanProperty(true);
    private final BooleanProperty soundOn;
    private final IntegerProperty unread = new SimpleIntegerProperty();
    private final StringBinding windowTitle =
            Bindings.createStringBinding(
                    () -> unread.get() > 0 ? "(" + unread.get() + ") " + APP_TITLE : APP_TITLE,
                    unread);
    private final Sound sound;
    private final DesktopPlatform platform;

    public Attention(Sound sound, DesktopPlatform platform, Settings settings) {
        this.sound = sound;
        this.platform = platform;
        this.soundOn = new SimpleBooleanProperty(settings.soundOn());
        soundOn.addListener((obs, was, on) -> settings.setSoundOn(on));
    }

    /** The newest notice; the view shows it as a toast for a few seconds. */
    public ReadOnlyObjectProperty<Notice> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /** Bound by the view to the window's focus. */
    public BooleanProperty windowFocusedProperty() {
        return windowFocused;
    }

    public boolean windowFocused() {
        return windowFocused.get();
    }

    /** The chime on or off (the menu's check box); remembered between runs. */
    public BooleanProperty soundOnProperty() {
        return soundOn;
    }

    /** Unread visitor messages over all chats; bound by the main model. */
    public IntegerProperty unreadProperty() {
        return unread;
    }

    /** "(3) OSS LiveChat" while messages wait unread, else "OSS LiveChat". */
    public StringBinding windowTitle() {
        return windowTitle;
    }

    @Override
    public void notify(Notice notice) {
        // a new object each time, so two equal notices in a row still show twice
        latest.set(null);
        latest.set(notice);
        if (notice.attention() && !windowFocused.get()) {
            platform.notify(APP_TITLE, notice.text());
            platform.requestAttention();
            if (soundOn.get()) {
                sound.chime();
            }
        }
    }
}
