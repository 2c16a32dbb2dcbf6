package id.oss.livechat.server.privacy;

import java.time.Duration;

/**
 * How long each class of personal data is kept after the chat it belongs to ended (or, for a
 * visitor's address and browser, after the visitor was last seen; for mail, after it was queued;
 * for the audit trail, after the entry was written), and how many rows one batch empties.
 */
public record RetentionPeriods(
        Duration messages,
        Duration contacts,
        Duration addresses,
        Duration mails,
        Duration audit,
        int batch) {

    public RetentionPeriods {
        for (Duration period : new Duration[] {messages, contacts, addresses, mails, audit}) {
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a retention period must be longer than zero");
            }
        }
        if (batch < 1) {
            throw new IllegalArgumentException("RETENTION_BATCH must be at least 1");
        }
    }

    /**
     * The audit trail must outlive what it speaks of: otherwise who read a transcript would be
     * forgotten while the transcript is still there. The server refuses to start otherwise.
     */
    public RetentionPeriods auditKeptLongest() {
        for (Duration period : new Duration[] {messages, contacts, addresses, mails}) {
            if (audit.compareTo(period) < 0) {
                throw new IllegalArgumentException(
                        "RETAIN_AUDIT ("
                                + audit.toDays()
                                + "d) must be at least as long as every other retention period");
            }
        }
        return this;
    }
}
