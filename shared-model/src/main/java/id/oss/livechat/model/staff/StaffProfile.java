package id.oss.livechat.model.staff;

import id.oss.livechat.model.StaffRole;
import java.util.List;
import java.util.UUID;

/** The signed-in staff member, as login and the staff socket's {@code auth.ok} give it. */
public record StaffProfile(
        UUID id, String username, String displayName, StaffRole role, List<UUID> departmentIds) {}
