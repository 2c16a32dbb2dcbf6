package id.oss.livechat.model.staff;

import id.oss.livechat.model.StaffRole;
import java.util.List;
import java.util.UUID;

/** {@code POST /api/agents} (admin). {@code max_chats} defaults to 3. */
public record NewAgentRequest(
        String username,
        String displayName,
        String email,
        String password,
        StaffRole role,
        List<UUID> departmentIds,
        Integer maxChats) {
    @Override
    public String toString() {
        return "NewAgentRequest[username=" + username + ", role=" + role + "]";
    }
}
