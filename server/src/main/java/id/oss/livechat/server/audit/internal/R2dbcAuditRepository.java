package id.oss.livechat.server.audit.internal;

import static id.oss.livechat.server.system.database.Sql.bind;

import id.oss.livechat.server.audit.AuditEntry;
import id.oss.livechat.server.audit.AuditQuery;
import id.oss.livechat.server.audit.AuditRepository;
import id.oss.livechat.server.audit.AuditTrail;
import id.oss.livechat.server.system.database.Sql;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The audit trail in PostgreSQL: {@code audit_append} (V60) chains each entry to the last. */
public class R2dbcAuditRepository implements AuditRepository {
    private static final String SELECT =
            """
            SELECT id, at, actor, address, action, subject, detail FROM audit_log
             WHERE (CAST(:actor AS text) IS NULL OR actor = :actor)
               AND (CAST(:action AS text) IS NULL OR action = :action)
               AND (CAST(:subject AS text) IS NULL OR subject = :subject)
               AND (CAST(:from AS timestamptz) IS NULL OR at >= :from)
               AND (CAST(:to AS timestamptz) IS NULL OR at < :to)
               AND (CAST(:before AS bigint) IS NULL OR id < :before)
             ORDER BY id DESC""";

    private final DatabaseClient db;

    public R2dbcAuditRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> append(
            AuditTrail.Actor actor, String address, String action, String subject, String detail) {
        GenericExecuteSpec spec =
                db.sql(
                                "SELECT audit_append(:actor, :actorId, :address, :action, :subject, :detail)")
                        .bind("actor", cut(actor.name(), 64))
                        .bind("action", action);
        spec = bind(spec, "actorId", actor.id(), UUID.class);
        spec = bind(spec, "address", cut(address, 45), String.class);
        spec = bind(spec, "subject", cut(subject, 120), String.class);
        spec = bind(spec, "detail", cut(detail, 500), String.class);
        return spec.fetch().rowsUpdated().then();
    }

    @Override
    public Mono<List<AuditEntry>> find(AuditQuery query) {
        return filtered(db.sql(SELECT + " LIMIT :limit"), query)
                .bind("limit", query.limit() + 1)
                .map(R2dbcAuditRepository::entry)
                .all()
                .collectList();
    }

    @Override
    public Flux<AuditEntry> stream(AuditQuery query) {
        return filtered(db.sql(SELECT), query).map(R2dbcAuditRepository::entry).all();
    }

    private static GenericExecuteSpec filtered(GenericExecuteSpec spec, AuditQuery query) {
        spec = bind(spec, "actor", query.actor(), String.class);
        spec = bind(spec, "action", query.action(), String.class);
        spec = bind(spec, "subject", query.subject(), String.class);
        spec = bind(spec, "from", offset(query.from()), OffsetDateTime.class);
        spec = bind(spec, "to", offset(query.to()), OffsetDateTime.class);
        return bind(spec, "before", query.beforeId(), Long.class);
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static AuditEntry entry(Readable row) {
        return new AuditEntry(
                Sql.number(row, "id"),
                Sql.instant(row, "at"),
                Sql.text(row, "actor"),
                Sql.text(row, "address"),
                Sql.text(row, "action"),
                Sql.text(row, "subject"),
                Sql.text(row, "detail"));
    }

    /**
     * At most {@code max} characters, control characters shown as U+FFFD: a failed sign-in is
     * recorded under the name that was tried, whatever it holds, and PostgreSQL stores no NUL.
     */
    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String shown = CONTROL.matcher(text).replaceAll("\uFFFD");
        return shown.length() <= max ? shown : shown.substring(0, max);
    }

    private static final java.util.regex.Pattern CONTROL =
            java.util.regex.Pattern.compile("\\p{Cntrl}");
}
