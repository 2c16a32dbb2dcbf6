package id.oss.livechat.model.visitor;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/oss-chat/departments}. {@code generated_at}: the server's time of the list, which
 * its {@code open_now} and {@code next_open_at} are relative to.
 */
public record DepartmentList(List<PublicDepartment> departments, Instant generatedAt) {

    public DepartmentList(List<PublicDepartment> departments) {
        this(departments, null);
    }
}
