package id.oss.livechat.model.staff;

import id.oss.livechat.model.Priority;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.visitor.AgentRef;
import id.oss.livechat.model.visitor.CaseContext;
import id.oss.livechat.model.visitor.Contact;
import id.oss.livechat.model.visitor.DepartmentRef;
import id.oss.livechat.model.visitor.LastMessage;
import java.time.Instant;
import java.util.UUID;

/**
 * A session as staff see it: in the waiting queue, in the active list, and in the answers of
 * assign, close and transfer. {@code verified} marks a visitor logged in to OSS (its {@code
 * oss_user_id} proven by the portal); {@code unread} counts the visitor's messages after the
 * agent's last read receipt; {@code queue_position} is set while waiting. {@code topic} is the
 * topic's Indonesian name (or the visitor's free text), {@code topic_code} its code in the server's
 * topic list, for a client to name it in its own language. {@code left_message} marks a waiting
 * chat whose visitor wrote and then went away ({@code left_message_at}): it waits for an agent,
 * whose reply reaches the visitor by mail and on return. {@code answer_by}: while the agent has not
 * written yet and the unanswered timeout applies, when the chat goes back to the queue; null
 * otherwise (answered, waiting, closed, or taken by hand by an agent who is online). {@code
 * context}: the citizen's case as the portal passed it; {@code context_verified}: the portal's
 * backend signed it (else anybody could have written it, and it routed nothing); {@code
 * agent_read_seq}: how far staff have read (the visitor's messages up to it are read); {@code
 * visitor_read_seq}: how far the visitor has read (the agents' messages up to it show "read"); 0
 * before any read mark.
 */
public record StaffSession(
        UUID sessionId,
        UUID chatUserId,
        SessionStatus status,
        String topic,
        Priority priority,
        DepartmentRef department,
        AgentRef agent,
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
        String topicCode,
        boolean leftMessage,
        Instant leftMessageAt,
        Instant answerBy,
        CaseContext context,
        boolean contextVerified,
        long agentReadSeq,
        long visitorReadSeq) {

    /** A session without case context, as clients before it build it. */
    public StaffSession(
            UUID sessionId,
            UUID chatUserId,
            SessionStatus status,
            String topic,
            Priority priority,
            DepartmentRef department,
            AgentRef agent,
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
            String topicCode,
            boolean leftMessage,
            Instant leftMessageAt,
            Instant answerBy,
            long agentReadSeq,
            long visitorReadSeq) {
        this(
                sessionId,
                chatUserId,
                status,
                topic,
                priority,
                department,
                agent,
                contact,
                verified,
                ossUserId,
                visitorEmail,
                startedAt,
                queuedAt,
                assignedAt,
                endedAt,
                closeReason,
                lastSeq,
                unread,
                queuePosition,
                lastMessage,
                topicCode,
                leftMessage,
                leftMessageAt,
                answerBy,
                null,
                false,
                agentReadSeq,
                visitorReadSeq);
    }

    /** A session without read marks, as clients before them build it. */
    public StaffSession(
            UUID sessionId,
            UUID chatUserId,
            SessionStatus status,
            String topic,
            Priority priority,
            DepartmentRef department,
            AgentRef agent,
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
            String topicCode,
            boolean leftMessage,
            Instant leftMessageAt,
            Instant answerBy,
            CaseContext context,
            boolean contextVerified) {
        this(
                sessionId,
                chatUserId,
                status,
                topic,
                priority,
                department,
                agent,
                contact,
                verified,
                ossUserId,
                visitorEmail,
                startedAt,
                queuedAt,
                assignedAt,
                endedAt,
                closeReason,
                lastSeq,
                unread,
                queuePosition,
                lastMessage,
                topicCode,
                leftMessage,
                leftMessageAt,
                answerBy,
                context,
                contextVerified,
                0,
                0);
    }

    /** A session without case context and read marks, as clients before them build it. */
    public StaffSession(
            UUID sessionId,
            UUID chatUserId,
            SessionStatus status,
            String topic,
            Priority priority,
            DepartmentRef department,
            AgentRef agent,
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
            String topicCode,
            boolean leftMessage,
            Instant leftMessageAt,
            Instant answerBy) {
        this(
                sessionId,
                chatUserId,
                status,
                topic,
                priority,
                department,
                agent,
                contact,
                verified,
                ossUserId,
                visitorEmail,
                startedAt,
                queuedAt,
                assignedAt,
                endedAt,
                closeReason,
                lastSeq,
                unread,
                queuePosition,
                lastMessage,
                topicCode,
                leftMessage,
                leftMessageAt,
                answerBy,
                null,
                false,
                0,
                0);
    }

    /**
     * A session without topic code, left-message mark and unanswered deadline, as clients before
     * them build it.
     */
    public StaffSession(
            UUID sessionId,
            UUID chatUserId,
            SessionStatus status,
            String topic,
            Priority priority,
            DepartmentRef department,
            AgentRef agent,
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
            LastMessage lastMessage) {
        this(
                sessionId,
                chatUserId,
                status,
                topic,
                priority,
                department,
                agent,
                contact,
                verified,
                ossUserId,
                visitorEmail,
                startedAt,
                queuedAt,
                assignedAt,
                endedAt,
                closeReason,
                lastSeq,
                unread,
                queuePosition,
                lastMessage,
                null,
                false,
                null,
                null,
                0,
                0);
    }
}
