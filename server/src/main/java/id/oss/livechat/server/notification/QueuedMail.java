package id.oss.livechat.server.notification;

/** A mail in the outbox, claimed for sending; {@code attempts} counts earlier tries. */
public record QueuedMail(long id, Mail mail, int attempts) {
    /** Stable across retries, so a receiving server can recognise a mail it already has. */
    public String messageId() {
        return "<livechat-mail-" + id + "@oss-livechat>";
    }
}
