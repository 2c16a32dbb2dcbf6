package id.oss.livechat.server.privacy;

/** How much an erasure emptied: the answer of the API and the line the ops command prints. */
public record ErasureResult(
        long visitors, long sessions, long messages, long contacts, long mails, long busEvents) {}
