package id.oss.livechat.server.analytics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a report groups its sessions. */
public enum GroupBy {
    DAY,
    DEPARTMENT,
    AGENT,
    OSS_USER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GroupBy> fromWire(String value) {
        return Arrays.stream(values()).filter(g -> g.wire().equals(value)).findFirst();
    }
}
