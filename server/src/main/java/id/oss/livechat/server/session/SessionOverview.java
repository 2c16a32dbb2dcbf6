package id.oss.livechat.server.session;

import id.oss.livechat.model.Priority;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.visitor.CaseContext;
import id.oss.livechat.model.visitor.Contact;
import id.oss.livechat.model.visitor.LastMessage;
import java.time.Instant;
import java.util.UUID;

/**
 * A session with everything staff look at beside it: the queue, the active chats, one chat, a
 * visitor's earlier chats. What the storage port returns; {@link StaffSessionWire} turns it into
 * the API's {@code StaffSession} at the edges (controllers, socket frames).
 *
 * <p>{@code verified}: the visitor proved an OSS identity ({@code ossUserId}). {@code unread}: the
 * visitor's messages after the agent's last read mark. {@code queuePosition}: set while waiting.
 * {@code leftMessageAt}: when a waiting visitor wrote and went away. {@code answerBy}: while the
 * agent has not written yet and the unanswered timeout applies, when the chat goes back to the
 * queue. {@code context}: the citizen's case the portal passed at start, or null; {@code
 * contextVerified}: the portal's backend signed it (only then may it route). {@code agentReadSeq},
 * {@code visitorReadSeq}: how far staff and the visitor have read.
 */
public record SessionOverview(
        UUID id,
        UUID chatUserId,
        SessionStatus status,
        String topic,
        String topicCode,
        Priority priority,
        UUID departmentId,
        String departmentCode,
        String departmentName,
        UUID agentId,
        String agentName,
        Contact contact,
        boolean verified,
        String ossUserId,
        String visitorEmail,
        Instant startedAt,
        Instant queuedAt,
        Instant assignedAt,
        Instant endedAt,
        String closeReason,
        long lastSeq,
        long unread,
        Integer queuePosition,
        LastMessage lastMessage,
        Instant leftMessageAt,
        Instant answerBy,
        CaseContext context,
        boolean contextVerified,
        long agentReadSeq,
        long visitorReadSeq) {

    /** Whether this staff member is the session's agent. */
    public boolean servedBy(UUID staffId) {
        return agentId != null && agentId.equals(staffId);
    }
}
