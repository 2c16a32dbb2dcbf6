package id.oss.livechat.model.search;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.visitor.AgentRef;
import id.oss.livechat.model.visitor.DepartmentRef;
import java.time.Instant;
import java.util.UUID;

/**
 * A chat found by a search: enough to list it and open its transcript, the best-matching place in
 * it ({@code hit}) and its {@code rank} (higher is more relevant).
 */
public record SearchResult(
        UUID sessionId,
        SessionStatus status,
        String topic,
        String topicCode,
        DepartmentRef department,
        AgentRef agent,
        String contactName,
        Instant startedAt,
        Instant endedAt,
        SearchHit hit,
        double rank) {}
