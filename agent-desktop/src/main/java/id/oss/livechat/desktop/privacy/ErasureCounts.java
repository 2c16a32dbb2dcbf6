package id.oss.livechat.desktop.privacy;

/** What the server erased, as {@code POST /api/privacy/erase} answers. */
public record ErasureCounts(
        long visitors, long sessions, long messages, long contacts, long mails, long busEvents) {}
