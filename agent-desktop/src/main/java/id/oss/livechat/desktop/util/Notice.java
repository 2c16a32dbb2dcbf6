package id.oss.livechat.desktop.util;

/**
 * A short message for the toast at the window's edge. {@code attention} ones (a chat arrived, a
 * visitor wrote) also chime when the window is in the background.
 */
public record Notice(Kind kind, String text, boolean attention) {
    public enum Kind {
        INFO,
        WARNING,
        ERROR
    }

    public static Notice info(String text) {
        return new Notice(Kind.INFO, text, false);
    }

    public static Notice attention(String text) {
        return new Notice(Kind.INFO, text, true);
    }

    public static Notice error(String text) {
        return new Notice(Kind.ERROR, text, false);
    }
}
