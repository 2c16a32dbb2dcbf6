package id.oss.livechat.model.visitor;

import java.util.UUID;

/**
 * A department a visitor may choose, with how many of its agents are online now (0: the widget
 * offers to leave a message instead of waiting).
 */
public record PublicDepartment(
        UUID id, String code, String name, boolean isDefault, int agentsOnline) {}
