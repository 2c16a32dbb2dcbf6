package id.oss.livechat.model.search;

import java.util.List;

/**
 * {@code GET /api/chat/search}: one page of the chats found; {@code next_cursor} (with {@code
 * has_more}) asks for the next one.
 */
public record SearchPage(List<SearchResult> results, boolean hasMore, String nextCursor) {}
