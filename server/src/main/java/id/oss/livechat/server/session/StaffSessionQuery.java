package id.oss.livechat.server.session;

import id.oss.livechat.model.SessionStatus;
import java.util.List;
import java.util.UUID;

/**
 * Which sessions a staff list shows. Null filters do not filter. {@code departmentIds} limits to
 * those departments (an agent's queue); {@code agentId} to one agent's chats; {@code seenBy} to
 * what that agent may see of a visitor: its departments' sessions and the chats it serves or
 * served.
 */
public record StaffSessionQuery(
        SessionStatus status,
        List<UUID> departmentIds,
        UUID agentId,
        UUID chatUserId,
        int limit,
        int offset,
        UUID seenBy) {
    public StaffSessionQuery(
            SessionStatus status,
            List<UUID> departmentIds,
            UUID agentId,
            UUID chatUserId,
            int limit,
            int offset) {
        this(status, departmentIds, agentId, chatUserId, limit, offset, null);
    }
}
