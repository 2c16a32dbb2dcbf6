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
    /** The chat's tags: a chat with two tags counts in both rows; untagged ones under "none". */
    TAG,
    /** The close reason chosen on closing; chats without one (free text only, or open) "none". */
    CLOSE_REASON,
    /** By the licence type of the session's verified case context; {@code none} without one. */
    LICENCE_TYPE,
    /** By the province of the session's verified case context; {@code none} without one. */
    PROVINCE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "day, hour, department, agent, oss_user, tag, close_reason": for refusals. */
    public static String choices() {
        return String.join(", ", Arrays.stream(values()).map(GroupBy::wire).toList());
    }

    public static Optional<GroupBy> fromWire(String value) {
        return Arrays.stream(values()).filter(g -> g.wire().equals(value)).findFirst();
    }
}
