package id.oss.livechat.server.tagging.internal;

import static id.oss.livechat.server.system.database.Sql.bind;

import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.system.database.Sql;
import id.oss.livechat.server.tagging.Label;
import id.oss.livechat.server.tagging.LabelKind;
import id.oss.livechat.server.tagging.LabelRepository;
import io.r2dbc.spi.Readable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Tags in {@code tags}, close reasons in {@code close_reasons}: the same columns. */
public class R2dbcLabelRepository implements LabelRepository {
    private static final String COLUMNS = "code, label_id, label_en, active";

    private final DatabaseClient db;

    public R2dbcLabelRepository(DatabaseClient db) {
        this.db = db;
    }

    static String table(LabelKind kind) {
        return switch (kind) {
            case TAG -> "tags";
            case CLOSE_REASON -> "close_reasons";
        };
    }

    @Override
    public Flux<Label> list(LabelKind kind, boolean withRetired) {
        return db.sql(
                        "SELECT "
                                + COLUMNS
                                + " FROM "
                                + table(kind)
                                + (withRetired ? "" : " WHERE active")
                                + " ORDER BY active DESC, label_id")
                .map(R2dbcLabelRepository::toLabel)
                .all();
    }

    @Override
    public Mono<Label> find(LabelKind kind, String code) {
        return db.sql("SELECT " + COLUMNS + " FROM " + table(kind) + " WHERE code = :code")
                .bind("code", code)
                .map(R2dbcLabelRepository::toLabel)
                .one();
    }

    @Override
    public Mono<Label> create(LabelKind kind, Label label) {
        return db.sql(
                        "INSERT INTO "
                                + table(kind)
                                + " (code, label_id, label_en, active) VALUES (:code, :id, :en, :active)"
                                + " RETURNING "
                                + COLUMNS)
                .bind("code", label.code())
                .bind("id", label.labelId())
                .bind("en", label.labelEn())
                .bind("active", label.active())
                .map(R2dbcLabelRepository::toLabel)
                .one()
                .onErrorMap(
                        DataIntegrityViolationException.class,
                        e ->
                                Problem.conflict(
                                        "code_taken",
                                        kind.what() + " '" + label.code() + "' exists already."));
    }

    @Override
    public Mono<Label> update(
            LabelKind kind, String code, String labelId, String labelEn, Boolean active) {
        var update =
                db.sql(
                                "UPDATE "
                                        + table(kind)
                                        + " SET label_id = coalesce(:id, label_id),"
                                        + " label_en = coalesce(:en, label_en),"
                                        + " active = coalesce(:active, active), updated_at = now()"
                                        + " WHERE code = :code RETURNING "
                                        + COLUMNS)
                        .bind("code", code);
        update = bind(update, "id", labelId, String.class);
        update = bind(update, "en", labelEn, String.class);
        update = bind(update, "active", active, Boolean.class);
        return update.map(R2dbcLabelRepository::toLabel).one();
    }

    static Label toLabel(Readable row) {
        return new Label(
                Sql.text(row, "code"),
                Sql.text(row, "label_id"),
                Sql.text(row, "label_en"),
                Sql.flag(row, "active"));
    }
}
