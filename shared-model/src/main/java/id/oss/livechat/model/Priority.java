package id.oss.livechat.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A session's priority; the queue serves higher priorities first, then the oldest. */
public enum Priority {
    @JsonProperty("low")
    LOW,
    @JsonProperty("normal")
    NORMAL,
    @JsonProperty("high")
    HIGH,
    @JsonProperty("urgent")
    URGENT;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Priority fromWire(String value) {
        return WireEnums.parse(Priority.class, value);
    }
}
