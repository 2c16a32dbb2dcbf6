package id.oss.livechat.model.visitor;

import java.util.List;

/** {@code GET /api/oss-chat/departments}. */
public record DepartmentList(List<PublicDepartment> departments) {}
