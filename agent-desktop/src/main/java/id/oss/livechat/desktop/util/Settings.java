package id.oss.livechat.desktop.util;

import java.util.Optional;

/**
 * What the desktop remembers between runs: the server's address, the language, and whether a chime
 * sounds when something arrives.
 */
public interface Settings {
    Optional<String> serverAddress();

    void setServerAddress(String address);

    Optional<String> language();

    void setLanguage(String tag);

    /** The chime on a new chat or message while the window is in the background; on at first. */
    boolean soundOn();

    void setSoundOn(boolean on);
}
