package id.oss.livechat.server.notification;

import id.oss.livechat.model.Language;
import java.util.UUID;

/**
 * A mail to send. {@code dedupKey} names what it is about (the transcript of session X, the notice
 * of reply Y): queueing the same key twice queues it once (the outbox stores its SHA-256, so a key
 * of any length fits). The subject is one line of at most {@link #SUBJECT_MAX} characters, whatever
 * a visitor typed into the topic it names.
 */
public record Mail(
        String dedupKey,
        Kind kind,
        String recipient,
        Language language,
        String subject,
        String text,
        String html,
        UUID sessionId) {
    public static final int SUBJECT_MAX = 255;

    public Mail {
        subject = oneLine(subject, SUBJECT_MAX);
    }

    /**
     * A header-safe line: every control character and line or paragraph separator becomes a space,
     * runs of spaces one, and a text too long is cut (never inside a surrogate pair) and ends in
     * "…".
     */
    static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder line = new StringBuilder(Math.min(text.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean blank =
                    Character.isISOControl(c)
                            || Character.isWhitespace(c)
                            || c == '\u2028'
                            || c == '\u2029';
            if (blank) {
                space = line.length() > 0;
            } else {
                if (space) {
                    line.append(' ');
                    space = false;
                }
                line.append(c);
            }
        }
        if (line.length() <= max) {
            return line.toString();
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(line.charAt(cut - 1))) {
            cut--;
        }
        return line.substring(0, cut).stripTrailing() + "…";
    }

    public enum Kind {
        TRANSCRIPT,
        REPLY_NOTICE,
        OFFLINE_MESSAGE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        // never log a mail's content: it is the visitor's conversation
        return "Mail[" + kind + " " + dedupKey + "]";
    }
}
