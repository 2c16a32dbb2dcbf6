package id.oss.livechat.model.staff;

import java.util.UUID;

/** A department as {@code /api/departments} shows it. */
public record DepartmentInfo(
        UUID id,
        String code,
        String name,
        String email,
        boolean isDefault,
        boolean active,
        int agentsOnline,
        int waiting) {}
