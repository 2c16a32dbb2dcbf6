package id.oss.livechat.server.privacy.internal;

import static id.oss.livechat.server.system.database.Sql.bind;

import id.oss.livechat.server.audit.AuditTrail;
import id.oss.livechat.server.privacy.ErasureRepository;
import id.oss.livechat.server.privacy.ErasureResult;
import id.oss.livechat.server.privacy.Subject;
import id.oss.livechat.server.system.database.Sql;
import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

/** {@code erase_subject} (V61): one statement, so one transaction, audit entry included. */
public class R2dbcErasureRepository implements ErasureRepository {
    static final String ERASE =
            """
            SELECT (r->>'visitors')::bigint AS visitors, (r->>'sessions')::bigint AS sessions,
                   (r->>'messages')::bigint AS messages, (r->>'contacts')::bigint AS contacts,
                   (r->>'mails')::bigint AS mails, (r->>'bus_events')::bigint AS bus_events
              FROM (SELECT erase_subject(:kind, :value, :actor, :actorId, :address) AS r) erased
             WHERE r IS NOT NULL""";

    private final DatabaseClient db;

    public R2dbcErasureRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<ErasureResult> erase(Subject subject, AuditTrail.Actor actor, String address) {
        GenericExecuteSpec spec =
                db.sql(ERASE)
                        .bind("kind", subject.kind())
                        .bind("value", subject.value())
                        .bind("actor", actor.name());
        spec = bind(spec, "actorId", actor.id(), UUID.class);
        spec = bind(spec, "address", address, String.class);
        return spec.map(R2dbcErasureRepository::result).one();
    }

    static ErasureResult result(Readable row) {
        return new ErasureResult(
                Sql.number(row, "visitors"),
                Sql.number(row, "sessions"),
                Sql.number(row, "messages"),
                Sql.number(row, "contacts"),
                Sql.number(row, "mails"),
                Sql.number(row, "bus_events"));
    }
}
