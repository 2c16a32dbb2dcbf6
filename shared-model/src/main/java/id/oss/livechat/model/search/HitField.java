package id.oss.livechat.model.search;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What of a chat a search matched. */
public enum HitField {
    @JsonProperty("message")
    MESSAGE,
    @JsonProperty("topic")
    TOPIC,
    @JsonProperty("contact")
    CONTACT;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
