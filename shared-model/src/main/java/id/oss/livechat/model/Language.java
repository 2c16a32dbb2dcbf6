package id.oss.livechat.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The languages the product speaks to visitors and staff: Indonesian (default) and English. */
public enum Language {
    @JsonProperty("id")
    ID,
    @JsonProperty("en")
    EN;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Language fromWire(String value) {
        return WireEnums.parse(Language.class, value);
    }
}
