package id.oss.livechat.server.casecontext.internal;

import static id.oss.livechat.server.system.database.Sql.bind;

import id.oss.livechat.model.visitor.CaseContext;
import id.oss.livechat.server.casecontext.CaseContextRepository;
import id.oss.livechat.server.casecontext.ReceivedContext;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Case contexts in {@code session_contexts}, one row per session. */
public class R2dbcCaseContextRepository implements CaseContextRepository {
    private final DatabaseClient db;

    public R2dbcCaseContextRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> save(UUID sessionId, ReceivedContext received) {
        CaseContext c = received.context();
        List<String> kbli = c.kbli() == null ? List.of() : c.kbli();
        var spec =
                db.sql(
                                """
                INSERT INTO session_contexts
                  (session_id, nib, application_number, kbli, licence_type, province, verified)
                VALUES (:session, :nib, :application, :kbli, :licence, :province, :verified)""")
                        .bind("session", sessionId)
                        .bind("kbli", kbli.toArray(String[]::new))
                        .bind("verified", received.verified());
        spec = bind(spec, "nib", c.nib(), String.class);
        spec = bind(spec, "application", c.applicationNumber(), String.class);
        spec = bind(spec, "licence", c.licenceType(), String.class);
        spec = bind(spec, "province", c.province(), String.class);
        return spec.then();
    }
}
