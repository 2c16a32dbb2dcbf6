package id.oss.livechat.model.staff;

import java.util.List;

/**
 * A list of sessions: the queue, the active chats, a visitor's earlier sessions. {@code has_more}
 * and {@code next_cursor} page where the list can be long.
 */
public record SessionList(List<StaffSession> sessions, boolean hasMore, String nextCursor) {}
