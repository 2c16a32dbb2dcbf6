package id.oss.livechat.model.visitor;

import id.oss.livechat.model.Priority;
import id.oss.livechat.model.SessionStatus;
import java.time.Instant;
import java.util.UUID;

/** One session in a visitor's history; {@code topic} in the session's language. */
public record HistoryItem(
        UUID sessionId,
        SessionStatus status,
        String topic,
        String topicCode,
        Priority priority,
        DepartmentRef department,
        AgentRef agent,
        Contact contact,
        LastMessage lastMessage,
        Instant startedAt,
        Instant endedAt) {}
