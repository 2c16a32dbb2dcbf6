package id.oss.livechat.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a staff account may do: agents chat, supervisors also watch and reassign, admins administer.
 */
public enum StaffRole {
    @JsonProperty("agent")
    AGENT,
    @JsonProperty("supervisor")
    SUPERVISOR,
    @JsonProperty("admin")
    ADMIN;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Supervisors and admins may see and act on every chat, not only their own. */
    public boolean overseesAllChats() {
        return this != AGENT;
    }

    public static StaffRole fromWire(String value) {
        return WireEnums.parse(StaffRole.class, value);
    }
}
