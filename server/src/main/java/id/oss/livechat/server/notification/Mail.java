package id.oss.livechat.server.notification;

import id.oss.livechat.model.Language;
import java.util.UUID;

/**
 * A mail to send. {@code dedupKey} names what it is about (the transcript of session X, the notice
 * of reply Y): queueing the same key twice queues it once.
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
