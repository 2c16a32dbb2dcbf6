package id.oss.livechat.server.session;

import id.oss.livechat.model.Language;
import id.oss.livechat.model.Priority;
import id.oss.livechat.model.SessionStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A chat session: waiting in its department's queue, active with an agent, or closed. {@code
 * agentReadSeq} and {@code visitorReadSeq}: how far staff and the visitor have read.
 */
public record ChatSession(
        UUID id,
        UUID chatUserId,
        UUID agentId,
        UUID departmentId,
        String topic,
        String topicCode,
        SessionStatus status,
        Priority priority,
        Language language,
        Instant startedAt,
        Instant endedAt,
        String closeReason,
        long lastSeq,
        long agentReadSeq,
        long visitorReadSeq) {

    public boolean isClosed() {
        return status == SessionStatus.CLOSED;
    }

    /** The topic as a reader in {@code reader} names it (the list's name for a coded topic). */
    public String topicIn(Language reader) {
        return Topics.label(topicCode, topic, reader);
    }
}
