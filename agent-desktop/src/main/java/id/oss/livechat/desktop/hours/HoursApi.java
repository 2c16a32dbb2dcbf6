package id.oss.livechat.desktop.hours;

import id.oss.livechat.desktop.connection.ApiException;
import id.oss.livechat.model.staff.DepartmentHours;
import id.oss.livechat.model.staff.DepartmentInfo;
import id.oss.livechat.model.staff.HoursRequest;
import java.util.List;
import java.util.UUID;

/**
 * The port to the departments' opening hours: {@code GET /api/departments} and {@code GET|PUT
 * /api/departments/:id/hours}. Calls block; failures are {@link ApiException} (a server without
 * hours answers 404).
 */
public interface HoursApi {
    /** For clients that cannot reach the hours: every call fails as a server without them would. */
    HoursApi UNAVAILABLE =
            new HoursApi() {
                @Override
                public List<DepartmentInfo> departments() {
                    throw new ApiException(404, "not_found", null);
                }

                @Override
                public DepartmentHours hours(UUID departmentId) {
                    throw new ApiException(404, "not_found", null);
                }

                @Override
                public DepartmentHours save(UUID departmentId, HoursRequest request) {
                    throw new ApiException(404, "not_found", null);
                }
            };

    List<DepartmentInfo> departments();

    DepartmentHours hours(UUID departmentId);

    /** Replaces the department's hours (admins); a refused schedule is a 400 naming the day. */
    DepartmentHours save(UUID departmentId, HoursRequest request);
}
