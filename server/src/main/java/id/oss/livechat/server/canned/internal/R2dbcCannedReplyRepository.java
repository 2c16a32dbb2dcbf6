package id.oss.livechat.server.canned.internal;

import static id.oss.livechat.server.system.database.Sql.bind;

import id.oss.livechat.model.Language;
import id.oss.livechat.server.canned.CannedReply;
import id.oss.livechat.server.canned.CannedReplyRepository;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.system.database.Sql;
import io.r2dbc.spi.Readable;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Canned replies in {@code canned_responses}. */
public class R2dbcCannedReplyRepository implements CannedReplyRepository {
    private static final String SELECT =
            """
            SELECT r.id, r.shortcut, r.body, r.language, r.department_id, d.name AS department_name,
                   r.owner_id, r.updated_at
              FROM canned_responses r LEFT JOIN departments d ON d.id = r.department_id
            """;

    private final DatabaseClient db;

    public R2dbcCannedReplyRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<CannedReply> visibleTo(UUID ownerId, List<UUID> departmentIds) {
        var spec =
                db.sql(
                                SELECT
                                        + """
                 WHERE r.owner_id = :owner
                    OR (r.department_id IS NOT NULL
                        AND (CAST(:departments AS uuid[]) IS NULL OR r.department_id = ANY (:departments)))
                 ORDER BY r.shortcut, r.owner_id IS NULL, r.language, d.name""")
                        .bind("owner", ownerId);
        return bind(
                        spec,
                        "departments",
                        departmentIds == null ? null : departmentIds.toArray(UUID[]::new),
                        UUID[].class)
                .map(R2dbcCannedReplyRepository::toReply)
                .all();
    }

    @Override
    public Mono<CannedReply> findById(UUID id) {
        return db.sql(SELECT + " WHERE r.id = :id")
                .bind("id", id)
                .map(R2dbcCannedReplyRepository::toReply)
                .one();
    }

    @Override
    public Mono<CannedReply> create(
            String shortcut, String text, Language language, UUID departmentId, UUID ownerId) {
        var insert =
                db.sql(
                                """
                INSERT INTO canned_responses (shortcut, body, language, department_id, owner_id)
                VALUES (:shortcut, :body, :language, :department, :owner) RETURNING id""")
                        .bind("shortcut", shortcut)
                        .bind("body", text)
                        .bind("language", language.wire());
        insert = bind(insert, "department", departmentId, UUID.class);
        insert = bind(insert, "owner", ownerId, UUID.class);
        return insert.map(row -> Sql.uuid(row, "id"))
                .one()
                .onErrorMap(DataIntegrityViolationException.class, e -> taken(shortcut))
                .flatMap(this::findById);
    }

    @Override
    public Mono<CannedReply> update(UUID id, String shortcut, String text, Language language) {
        return db.sql(
                        """
                UPDATE canned_responses SET shortcut = :shortcut, body = :body, language = :language,
                                            updated_at = now()
                 WHERE id = :id""")
                .bind("id", id)
                .bind("shortcut", shortcut)
                .bind("body", text)
                .bind("language", language.wire())
                .fetch()
                .rowsUpdated()
                .onErrorMap(DataIntegrityViolationException.class, e -> taken(shortcut))
                .then(findById(id));
    }

    @Override
    public Mono<Void> delete(UUID id) {
        return db.sql("DELETE FROM canned_responses WHERE id = :id").bind("id", id).then();
    }

    @Override
    public Mono<Boolean> departmentExists(UUID departmentId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM departments WHERE id = :id) AS found")
                .bind("id", departmentId)
                .map(row -> Sql.flag(row, "found"))
                .one();
    }

    private static Problem taken(String shortcut) {
        return Problem.conflict(
                "shortcut_taken",
                "A reply with the shortcut /" + shortcut + " exists already, in this language.");
    }

    private static CannedReply toReply(Readable row) {
        return new CannedReply(
                Sql.uuid(row, "id"),
                Sql.text(row, "shortcut"),
                Sql.text(row, "body"),
                Language.fromWire(Sql.text(row, "language")),
                Sql.uuid(row, "department_id"),
                Sql.text(row, "department_name"),
                Sql.uuid(row, "owner_id"),
                Sql.instant(row, "updated_at"));
    }
}
