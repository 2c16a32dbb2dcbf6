package id.oss.livechat.server.analytics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a report groups its sessions. */
public enum GroupBy {
    DAY,
    /** The hours of one day's clock, in the help desk's time zone: only for a range of one day. */
    HOUR,
    DEPARTMENT,
    AGENT,
    OSS_USER,
    /** By the licence type of the session's verified case context; {@code none} without one. */
    LICENCE_TYPE,
    /** By the province of the session's verified case context; {@code none} without one. */
    PROVINCE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GroupBy> fromWire(String value) {
        return Arrays.stream(values()).filter(g -> g.wire().equals(value)).findFirst();
    }
}
