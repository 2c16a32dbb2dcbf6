package id.oss.livechat.model.visitor;

import java.util.List;

/**
 * A page of history, newest first; pass {@code next_cursor} back as {@code cursor} for the next.
 */
public record HistoryPage(List<HistoryItem> sessions, boolean hasMore, String nextCursor) {}
