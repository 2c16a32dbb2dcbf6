package id.oss.livechat.desktop.util;

import java.util.Optional;
import java.util.prefs.Preferences;

/** {@link Settings} in the user's Java preferences (on Linux, a small file under ~/.java). */
public final class PreferencesSettings implements Settings {
    private static final String SERVER = "server.address";
    private static final String LANGUAGE = "language";
    private static final String SOUND = "sound";

    private final Preferences preferences;

    public PreferencesSettings() {
        this(Preferences.userRoot().node("id/oss/livechat/desktop"));
    }

    public PreferencesSettings(Preferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public Optional<String> serverAddress() {
        return Optional.ofNullable(preferences.get(SERVER, null));
    }

    @Override
    public void setServerAddress(String address) {
        preferences.put(SERVER, address);
    }

    @Override
    public Optional<String> language() {
        return Optional.ofNullable(preferences.get(LANGUAGE, null));
    }

    @Override
    public void setLanguage(String tag) {
        preferences.put(LANGUAGE, tag);
    }

    @Override
    public boolean soundOn() {
        return preferences.getBoolean(SOUND, true);
    }

    @Override
    public void setSoundOn(boolean on) {
        preferences.putBoolean(SOUND, on);
    }
}
