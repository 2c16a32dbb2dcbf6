package id.oss.livechat.model.staff;

import java.util.UUID;

/**
 * One rule of {@code /api/routing-rules}: a chat whose verified case context matches goes to the
 * department. {@code field}: {@code kbli} (a KBLI code of the case starts with {@code match}, 1 to
 * 5 digits), {@code licence_type} or {@code province} (equal to {@code match}, case ignored).
 */
public record RoutingRule(String field, String match, UUID departmentId) {}
