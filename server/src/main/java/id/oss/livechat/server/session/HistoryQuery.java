package id.oss.livechat.server.session;

import id.oss.livechat.model.SessionStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * One page of a visitor's sessions, newest first: those started before the cursor, in the optional
 * status and [from, to) range. Asks for one more than {@code limit} to learn whether more exist.
 */
public record HistoryQuery(
        UUID chatUserId,
        int limit,
        HistoryCursor after,
        SessionStatus status,
        Instant from,
        Instant to) {}
