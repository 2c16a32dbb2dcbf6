package id.oss.livechat.desktop.util;

import java.util.Optional;

/** What the desktop remembers between runs: the server's address and the language. */
public interface Settings {
    Optional<String> serverAddress();

    void setServerAddress(String address);

    Optional<String> language();

    void setLanguage(String tag);
}
