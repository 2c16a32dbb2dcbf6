package id.oss.livechat.model.realtime;

import java.util.List;
import java.util.UUID;

/**
 * Messages of a session in sequence order, after {@code after_seq}; ask again with {@code after_seq
 * = last_seq} while {@code has_more}.
 */
public record MessagePage(
        UUID sessionId, List<ChatMessage> messages, boolean hasMore, long lastSeq) {}
