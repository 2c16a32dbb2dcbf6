package id.oss.livechat.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a chat session is in its life: waiting in the queue, being served, or over. */
public enum SessionStatus {
    @JsonProperty("waiting")
    WAITING,
    @JsonProperty("active")
    ACTIVE,
    @JsonProperty("closed")
    CLOSED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static SessionStatus fromWire(String value) {
        return WireEnums.parse(SessionStatus.class, value);
    }
}
