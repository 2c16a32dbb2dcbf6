package id.oss.livechat.server.agent;

import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.StaffRole;
import java.util.List;
import java.util.UUID;

/** A staff account: who may sign in, in which role, for which departments, with how many chats. */
public record StaffAccount(
        UUID id,
        String username,
        String displayName,
        String email,
        String passwordHash,
        StaffRole role,
        AgentStatus status,
        int maxChats,
        boolean active,
        List<UUID> departmentIds,
        int activeChats,
        int tokenVersion) {

    public boolean belongsTo(UUID departmentId) {
        return departmentIds.contains(departmentId);
    }

    @Override
    public String toString() {
        return "StaffAccount[" + username + ", " + role + "]";
    }
}
