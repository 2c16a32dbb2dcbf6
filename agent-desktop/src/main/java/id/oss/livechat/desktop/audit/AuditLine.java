package id.oss.livechat.desktop.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One row of the Audit tab, as shown: the time on the desk's clock, the rest as stored. */
public record AuditLine(
        String time, String actor, String action, String subject, String address, String detail) {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static AuditLine of(AuditEntry entry, ZoneId zone) {
        return new AuditLine(
                entry.at() == null ? "" : TIME.format(entry.at().atZone(zone)),
                text(entry.actor()),
                text(entry.action()),
                text(entry.subject()),
                text(entry.address()),
                text(entry.detail()));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
