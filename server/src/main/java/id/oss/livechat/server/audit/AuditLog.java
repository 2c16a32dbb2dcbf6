package id.oss.livechat.server.audit;

import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The audit trail: writes entries for every feature ({@link AuditTrail}) and lets admins read and
 * export them. Reading and exporting are themselves audited, so the trail shows who looked.
 */
public class AuditLog implements AuditTrail {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private final AuditRepository entries;

    public AuditLog(AuditRepository entries) {
        this.entries = entries;
    }

    @Override
    public Mono<Void> record(Actor actor, String action, String subject, String detail) {
        return Mono.deferContextual(
                context ->
                        entries.append(
                                actor,
                                context.<String>getOrEmpty(ADDRESS).orElse(null),
                                action,
                                subject,
                                detail));
    }

    /** The filters as the caller gave them, read but not yet checked. */
    public record Filters(
            String actor,
            String action,
            String subject,
            Instant from,
            Instant to,
            Integer limit,
            String cursor) {}

    /** A page of entries, newest first, and the cursor of the next (older) page or null. */
    public record Page(List<AuditEntry> entries, String nextCursor) {}

    public Mono<Page> read(Staff who, Filters filters) {
        AuditQuery query = query(who, filters, false);
        return entries.find(query)
                .map(rows -> page(rows, query.limit()))
                .flatMap(
                        page ->
                                record(who, AuditAction.AUDIT_READ, null, describe(filters))
                                        .thenReturn(page));
    }

    /** Every matching entry for the CSV export; the export is recorded before it starts. */
    public Flux<AuditEntry> export(Staff who, Filters filters) {
        AuditQuery query = query(who, filters, true);
        return record(who, AuditAction.AUDIT_EXPORTED, null, describe(filters))
                .thenMany(entries.stream(query));
    }

    private static AuditQuery query(Staff who, Filters filters, boolean all) {
        if (!who.isAdmin()) {
            throw Problem.forbidden("Only an admin may read the audit trail.");
        }
        int limit = filters.limit() == null ? DEFAULT_LIMIT : filters.limit();
        Long before = null;
        FieldCheck check = FieldCheck.of();
        if (filters.cursor() != null && !filters.cursor().isBlank()) {
            before = parseCursor(filters.cursor());
            check.rule(before != null, "cursor", "is not a cursor this server gave");
        }
        check.rule(
                        all || (limit >= 1 && limit <= MAX_LIMIT),
                        "limit",
                        "must be between 1 and " + MAX_LIMIT)
                .rule(
                        filters.from() == null
                                || filters.to() == null
                                || filters.from().isBefore(filters.to()),
                        "from",
                        "must be before to")
                .optional("actor", filters.actor(), 64)
                .optional("action", filters.action(), 40)
                .optional("subject", filters.subject(), 120)
                .orThrow();
        return new AuditQuery(
                blankToNull(filters.actor()),
                blankToNull(filters.action()),
                blankToNull(filters.subject()),
                filters.from(),
                filters.to(),
                before,
                all ? Integer.MAX_VALUE : limit);
    }

    private static Long parseCursor(String cursor) {
        try {
            long id = Long.parseLong(cursor.trim());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Page page(List<AuditEntry> rows, int limit) {
        boolean more = rows.size() > limit;
        List<AuditEntry> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? String.valueOf(shown.get(shown.size() - 1).id()) : null;
        return new Page(List.copyOf(shown), next);
    }

    private static String describe(Filters f) {
        StringBuilder text = new StringBuilder();
        append(text, "actor", f.actor());
        append(text, "action", f.action());
        append(text, "subject", f.subject());
        append(text, "from", f.from());
        append(text, "to", f.to());
        return text.length() == 0 ? null : text.toString();
    }

    private static void append(StringBuilder text, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            text.append(text.length() == 0 ? "" : " ").append(name).append('=').append(value);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
