package id.oss.livechat.desktop.i18n;

import id.oss.livechat.desktop.connection.ApiException;
import id.oss.livechat.desktop.connection.ServerUnreachableException;

/**
 * What to tell the agent when the server refused something: the known codes of the contract in the
 * agent's language ({@code error.<code>} in the bundle), else the server's own sentence, else the
 * general text of the action. Never a guess: a full agent is not told someone else was quicker.
 */
public final class ErrorTexts {
    private ErrorTexts() {}

    /**
     * @param fallbackKey the action's general failure text, with {0} for the server's sentence
     *     (e.g. "Chat tidak dapat diambil: {0}") and the key {@code fallbackKey + ".plain"} without
     */
    public static String of(Throwable error, Localization i18n, String fallbackKey) {
        if (error instanceof ApiException api) {
            String key = "error." + api.error();
            if (i18n.has(key)) {
                return i18n.text(key);
            }
            if (api.serverMessage() != null && !api.serverMessage().isBlank()) {
                return i18n.text(fallbackKey, api.serverMessage());
            }
        }
        if (error instanceof ServerUnreachableException) {
            return i18n.text("error.unreachable");
        }
        return i18n.text(fallbackKey + ".plain");
    }
}
