package id.oss.livechat.server.privacy;

/**
 * What one retention run emptied: sessions whose messages went, contact forms and visitor e-mails,
 * visitor rows whose address and browser went, mails dropped, audit entries purged.
 */
public record RetentionReport(
        long messages, long contacts, long addresses, long mails, long auditEntries) {

    public boolean isEmpty() {
        return messages + contacts + addresses + mails + auditEntries == 0;
    }

    /** The audit entry's detail and the log line: counts only, never what was erased. */
    @Override
    public String toString() {
        return "sessions emptied "
                + messages
                + ", contacts "
                + contacts
                + ", addresses "
                + addresses
                + ", mails "
                + mails
                + ", audit entries "
                + auditEntries;
    }
}
