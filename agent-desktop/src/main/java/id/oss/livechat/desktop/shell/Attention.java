package id.oss.livechat.desktop.shell;

import id.oss.livechat.desktop.util.Notice;
import id.oss.livechat.desktop.util.Notifier;
import id.oss.livechat.desktop.util.Sound;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Catches the agent's attention: the latest notice for the toast, and a chime when something
 * arrives while the window is in the background.
 */
public final class Attention implements Notifier {
    private final ReadOnlyObjectWrapper<Notice> latest = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty windowFocused = new SimpleBooleanProperty(true);
    private final Sound sound;

    public Attention(Sound sound) {
        this.sound = sound;
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

    @Override
    public void notify(Notice notice) {
        // a new object each time, so two equal notices in a row still show twice
        latest.set(null);
        latest.set(notice);
        if (notice.attention() && !windowFocused.get()) {
            sound.chime();
        }
    }
}
