package id.oss.livechat.model.staff;

import id.oss.livechat.model.StaffRole;
import java.util.List;
import java.util.UUID;

/**
 * {@code PUT /api/agents/:id} (admin). Every field is optional; what is given changes. {@code
 * active: false} deactivates the account: it can no longer sign in or take chats.
 */
public record UpdateAgentRequest(
        String displayName,
        String email,
        String password,
        StaffRole role,
        List<UUID> departmentIds,
        Integer maxChats,
        Boolean active) {
    @Override
    public String toString() {
        return "UpdateAgentRequest[role=" + role + ", active=" + active + "]";
    }
}
