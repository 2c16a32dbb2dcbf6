package id.oss.livechat.model.staff;

import java.util.UUID;

/**
 * {@code POST /api/chat/transfer}: to another agent ({@code agent_id}), or back to the queue of a
 * department ({@code department_id}); exactly one of the two. {@code note} is shown to the next
 * agent as a system message.
 */
public record TransferRequest(UUID sessionId, UUID agentId, UUID departmentId, String note) {}
