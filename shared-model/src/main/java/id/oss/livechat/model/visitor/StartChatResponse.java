package id.oss.livechat.model.visitor;

import id.oss.livechat.model.Priority;
import id.oss.livechat.model.SessionStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * The answer to {@code start}: the new session, the token that proves the visitor owns it, and
 * where it stands in the queue. {@code expected_wait_seconds} is null when no agent of the
 * department is online (the widget then offers to leave a message). {@code topic} is the topic's
 * name in the session's language; {@code topic_code} its code, null for a free-text topic.
 */
public record StartChatResponse(
        UUID sessionId,
        UUID chatUserId,
        SessionStatus status,
        boolean requiresContact,
        String visitorToken,
        boolean isAnonymous,
        String topic,
        String topicCode,
        Priority priority,
        DepartmentRef department,
        Integer queuePosition,
        Long expectedWaitSeconds,
        int agentsOnline,
        Instant startedAt) {}
