package id.oss.livechat.server.realtime.internal;

import id.oss.livechat.server.system.database.Sql;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Events waiting for Kafka in {@code bus_outbox}. A node relays its own; rows another node left
 * behind (it stopped) are taken over after a grace period. Rows are deleted only in the transaction
 * that published them, so a failed relay leaves them for the next round.
 */
public class BusOutbox {
    static final Duration ORPHAN_AFTER = Duration.ofSeconds(30);
    static final int BATCH = 200;

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final String origin;

    public BusOutbox(DatabaseClient db, TransactionalOperator transactions, String origin) {
        this.db = db;
        this.transactions = transactions;
        this.origin = origin;
    }

    public record Parked(long id, String key, String payload) {}

    public Mono<Void> park(String key, String payload) {
        var insert =
                db.sql(
                                "INSERT INTO bus_outbox (origin, message_key, payload) VALUES (:origin, :key, :payload)")
                        .bind("origin", origin)
                        .bind("payload", payload);
        return Sql.bind(insert, "key", key, String.class).then();
    }

    /**
     * Publishes a batch of parked events in order with {@code publish}, and deletes them once all
     * were taken by the broker.
     *
     * @return how many were relayed
     */
    public Mono<Integer> relay(Function<Parked, Mono<Void>> publish) {
        Mono<Integer> work =
                db.sql(
                                """
                        SELECT id, message_key, payload FROM bus_outbox
                         WHERE origin = :origin OR created_at < now() - make_interval(secs => :orphan)
                         ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED""")
                        .bind("origin", origin)
                        .bind("orphan", (double) ORPHAN_AFTER.toSeconds())
                        .bind("batch", BATCH)
                        .map(
                                row ->
                                        new Parked(
                                                Sql.number(row, "id"),
                                                Sql.text(row, "message_key"),
                                                Sql.text(row, "payload")))
                        .all()
                        .collectList()
                        .flatMap(
                                batch ->
                                        batch.isEmpty()
                                                ? Mono.just(0)
                                                : reactor.core.publisher.Flux.fromIterable(batch)
                                                        .concatMap(publish)
                                                        .then(delete(batch))
                                                        .thenReturn(batch.size()));
        return transactions.transactional(work);
    }

    private Mono<Void> delete(List<Parked> batch) {
        return db.sql("DELETE FROM bus_outbox WHERE id = ANY(:ids)")
                .bind("ids", batch.stream().map(Parked::id).toArray(Long[]::new))
                .then();
    }

    public Mono<Long> size() {
        return db.sql("SELECT count(*) AS n FROM bus_outbox")
                .map(row -> Sql.number(row, "n"))
                .one();
    }
}
