package id.oss.livechat.model.visitor;

import java.util.UUID;

/** A department as visitors see it. */
public record DepartmentRef(UUID id, String code, String name) {}
