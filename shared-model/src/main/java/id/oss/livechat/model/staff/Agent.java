package id.oss.livechat.model.staff;

import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.StaffRole;
import java.util.List;
import java.util.UUID;

/** A staff account as {@code /api/agents} shows it, with its live load. */
public record Agent(
        UUID id,
        String username,
        String displayName,
        String email,
        StaffRole role,
        AgentStatus status,
        List<UUID> departmentIds,
        int maxChats,
        int activeChats,
        boolean active) {}
