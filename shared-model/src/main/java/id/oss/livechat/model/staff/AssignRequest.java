package id.oss.livechat.model.staff;

import java.util.UUID;

/**
 * {@code POST /api/chat/assign}: with {@code agent_id}, a manual assignment (a supervisor's, or an
 * agent taking a chat for itself); without, automatic routing picks the agent.
 */
public record AssignRequest(UUID sessionId, UUID agentId) {}
