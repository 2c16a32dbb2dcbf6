package id.oss.livechat.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who wrote a message. */
public enum SenderType {
    @JsonProperty("visitor")
    VISITOR,
    @JsonProperty("agent")
    AGENT,
    @JsonProperty("system")
    SYSTEM;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static SenderType fromWire(String value) {
        return WireEnums.parse(SenderType.class, value);
    }
}
