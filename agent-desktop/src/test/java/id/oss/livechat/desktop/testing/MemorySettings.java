package id.oss.livechat.desktop.testing;

import id.oss.livechat.desktop.util.Settings;
import java.util.Optional;

public final class MemorySettings implements Settings {
    private volatile String server;
    private volatile String language;

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
}
