package id.oss.livechat.server.agent;

import java.util.UUID;

/** A help-desk department with its own queue and agents. */
public record Department(
        UUID id, String code, String name, String email, boolean isDefault, boolean active) {}
