package id.oss.livechat.server.session;

import java.util.List;

/**
 * One page of a staff list (the queue, the active chats, a visitor's chats): {@code nextCursor}
 * asks for the next page while {@code hasMore}.
 */
public record SessionPage(List<SessionOverview> sessions, boolean hasMore, String nextCursor) {}
