package id.oss.livechat.desktop.testing;

import id.oss.livechat.desktop.util.Settings;
import java.util.Optional;

public final class MemorySettings implements Settings {
    private volatile String server;
    private volatile String language;
    private volatile boolean soundOn = true;

    @Override
    public Optional<String> serverAddress() {
        return Optional.ofNullable(server);
    }

    @Override
    public void setServerAddress(String address) {
        server = address;
    }

    @Override
    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    @Override
    public void setLanguage(String tag) {
        language = tag;
    }

    @Override
    public boolean soundOn() {
        return soundOn;
    }

    @Override
    public void setSoundOn(boolean on) {
        soundOn = on;
    }
}
