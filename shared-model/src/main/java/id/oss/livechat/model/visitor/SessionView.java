package id.oss.livechat.model.visitor;

import id.oss.livechat.model.Priority;
import id.oss.livechat.model.SessionStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code GET /api/oss-chat/session/:id}: a session as its visitor sees it. Queue figures are
 * present while it waits. {@code topic} is the topic's name in the session's language, {@code
 * topic_code} its code (null for a free-text topic). {@code agent_read_seq}: how far staff have
 * read (the visitor's messages up to it show "read"), {@code visitor_read_seq} how far the visitor
 * has; both 0 before any read mark.
 */
public record SessionView(
        UUID sessionId,
        SessionStatus status,
        String topic,
        String topicCode,
        Priority priority,
        DepartmentRef department,
        boolean requiresContact,
        Contact contact,
        AgentRef agent,
        Integer queuePosition,
        Long expectedWaitSeconds,
        Integer agentsOnline,
        long lastSeq,
        Instant startedAt,
        Instant endedAt,
        String closeReason,
        long agentReadSeq,
        long visitorReadSeq) {}
