package id.oss.livechat.model.staff;

/**
 * {@code POST /api/departments} (code and name required) and {@code PUT /api/departments/:id}
 * (every field optional; the code never changes).
 */
public record DepartmentRequest(
        String code, String name, String email, Boolean isDefault, Boolean active) {}
