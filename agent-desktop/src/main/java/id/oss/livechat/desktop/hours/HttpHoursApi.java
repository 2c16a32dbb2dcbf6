package id.oss.livechat.desktop.hours;

import id.oss.livechat.desktop.connection.JsonHttp;
import id.oss.livechat.model.staff.DepartmentHours;
import id.oss.livechat.model.staff.DepartmentInfo;
import id.oss.livechat.model.staff.HoursRequest;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;

/** {@link HoursApi} over the signed-in staff HTTP client. */
public final class HttpHoursApi implements HoursApi {
    private final JsonHttp http;

    public HttpHoursApi(JsonHttp http) {
        this.http = http;
    }

    @Override
    public List<DepartmentInfo> departments() {
        return http.get("/api/departments", new TypeReference<List<DepartmentInfo>>() {});
    }

    @Override
    public DepartmentHours hours(UUID departmentId) {
        return http.get("/api/departments/" + departmentId + "/hours", DepartmentHours.class);
    }

    @Override
    public DepartmentHours save(UUID departmentId, HoursRequest request) {
        return http.send(
                "PUT",
                "/api/departments/" + departmentId + "/hours",
                request,
                DepartmentHours.class);
    }
}
