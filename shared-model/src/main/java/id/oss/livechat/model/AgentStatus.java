package id.oss.livechat.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An agent's own availability; only online agents are offered new chats. */
public enum AgentStatus {
    @JsonProperty("online")
    ONLINE,
    @JsonProperty("away")
    AWAY,
    @JsonProperty("offline")
    OFFLINE;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static AgentStatus fromWire(String value) {
        return WireEnums.parse(AgentStatus.class, value);
    }
}
