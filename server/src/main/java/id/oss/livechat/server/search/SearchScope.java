package id.oss.livechat.server.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which chats a search (or an export) looks at: those a caller may see ({@code visibleDepartments}
 * null: every chat; else the chats of those departments and the ones {@code agentId} serves or
 * served), optionally one department, started in [{@code from}, {@code to}) (null: unbounded).
 */
public record SearchScope(
        List<UUID> visibleDepartments, UUID agentId, UUID departmentId, Instant from, Instant to) {

    public boolean everything() {
        return visibleDepartments == null;
    }
}
