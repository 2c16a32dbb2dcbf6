package id.oss.livechat.server.privacy.internal;

import id.oss.livechat.server.privacy.RetentionReport;
import id.oss.livechat.server.privacy.RetentionRepository;
import io.r2dbc.spi.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The retention functions of V62 on one connection that holds a session advisory lock for the whole
 * run: the node that gets the lock works, the others skip this turn. Each function call is one
 * statement in auto-commit, so one short transaction per batch, and it is called again until
 * nothing is left. Should this node die, its connection closes and the lock goes with it.
 */
public class R2dbcRetentionRepository implements RetentionRepository {
    private static final String LOCK =
            "SELECT pg_try_advisory_lock(hashtext('livechat.retention'))";
    private static final String UNLOCK =
            "SELECT pg_advisory_unlock(hashtext('livechat.retention'))";

    /** The V62 functions, each a fixed statement; only the cutoff and the batch size are bound. */
    private enum Sweep {
        MESSAGES("SELECT retention_messages($1, $2)"),
        CONTACTS("SELECT retention_contacts($1, $2)"),
        ADDRESSES("SELECT retention_addresses($1, $2)"),
        MAILS("SELECT retention_mails($1, $2)"),
        AUDIT("SELECT retention_audit($1, $2)");

        private final String statement;

        Sweep(String statement) {
            this.statement = statement;
        }
    }

    private final DatabaseClient db;

    public R2dbcRetentionRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<RetentionReport> sweepAlone(Cutoffs cutoffs, int batch) {
        return db.inConnection(
                connection ->
                        Mono.usingWhen(
                                bool(connection, LOCK),
                                locked -> locked ? sweep(connection, cutoffs, batch) : Mono.empty(),
                                locked -> locked ? bool(connection, UNLOCK) : Mono.empty()));
    }

    private static Mono<RetentionReport> sweep(Connection connection, Cutoffs cutoffs, int batch) {
        return Mono.zip(
                        all(connection, Sweep.MESSAGES, cutoffs.messages(), batch),
                        all(connection, Sweep.CONTACTS, cutoffs.contacts(), batch),
                        all(connection, Sweep.ADDRESSES, cutoffs.addresses(), batch),
                        all(connection, Sweep.MAILS, cutoffs.mails(), batch),
                        all(connection, Sweep.AUDIT, cutoffs.audit(), batch))
                .map(
                        counts ->
                                new RetentionReport(
                                        counts.getT1(),
                                        counts.getT2(),
                                        counts.getT3(),
                                        counts.getT4(),
                                        counts.getT5()));
    }

    /** One class: batch after batch until a batch finds nothing; the rows emptied in all. */
    private static Mono<Long> all(Connection connection, Sweep sweep, Instant cutoff, int batch) {
        return Mono.defer(() -> oneBatch(connection, sweep, cutoff, batch))
                .repeat()
                .takeWhile(rows -> rows > 0)
                .reduce(0L, Long::sum);
    }

    private static Mono<Long> oneBatch(
            Connection connection, Sweep sweep, Instant cutoff, int batch) {
        OffsetDateTime at = cutoff.atOffset(ZoneOffset.UTC);
        return Flux.from(
                        connection
                                .createStatement(sweep.statement)
                                .bind("$1", at)
                                .bind("$2", batch)
                                .execute())
                .concatMap(result -> result.map((row, meta) -> row.get(0, Integer.class)))
                .next()
                .map(Integer::longValue);
    }

    private static Mono<Boolean> bool(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute())
                .concatMap(result -> result.map((row, meta) -> row.get(0, Boolean.class)))
                .next();
    }
}
