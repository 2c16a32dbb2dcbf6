package id.oss.livechat.server.agent.internal;

import static id.oss.livechat.server.system.database.Sql.bind;

import id.oss.livechat.model.staff.DepartmentInfo;
import id.oss.livechat.server.agent.Department;
import id.oss.livechat.server.agent.DepartmentRepository;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Transactions;
import id.oss.livechat.server.system.database.Sql;
import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Departments in {@code departments}. */
public class R2dbcDepartmentRepository implements DepartmentRepository {
    private static final String COLUMNS = "id, code, name, email, is_default, active";
    private static final String WITH_FIGURES =
            """
            SELECT d.id, d.code, d.name, d.email, d.is_default, d.active,
                   (SELECT count(*) FROM user_departments ud JOIN users u ON u.id = ud.user_id
                     WHERE ud.department_id = d.id AND u.active AND u.status = 'online' AND u.role = 'agent') AS agents_online,
                   (SELECT count(*) FROM chat_sessions s WHERE s.department_id = d.id AND s.status = 'waiting') AS waiting
            FROM departments d
            """;

    private final DatabaseClient db;
    private final Transactions transactions;

    public R2dbcDepartmentRepository(DatabaseClient db, Transactions transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    @Override
    public Mono<Department> findById(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM departments WHERE id = :id")
                .bind("id", id)
                .map(R2dbcDepartmentRepository::toDepartment)
                .one();
    }

    @Override
    public Mono<Department> findDefault() {
        return db.sql("SELECT " + COLUMNS + " FROM departments WHERE is_default AND active")
                .map(R2dbcDepartmentRepository::toDepartment)
                .one();
    }

    @Override
    public Flux<Department> findAll() {
        return db.sql("SELECT " + COLUMNS + " FROM departments ORDER BY name")
                .map(R2dbcDepartmentRepository::toDepartment)
                .all();
    }

    @Override
    public Flux<DepartmentInfo> findAllWithFigures() {
        return db.sql(WITH_FIGURES + " ORDER BY d.is_default DESC, d.name")
                .map(R2dbcDepartmentRepository::toInfo)
                .all();
    }

    @Override
    public Mono<DepartmentInfo> findWithFigures(UUID id) {
        return db.sql(WITH_FIGURES + " WHERE d.id = :id")
                .bind("id", id)
                .map(R2dbcDepartmentRepository::toInfo)
                .one();
    }

    @Override
    public Mono<Department> create(String code, String name, String email, boolean isDefault) {
        var insert =
                db.sql(
                                "INSERT INTO departments (code, name, email) VALUES (:code, :name, :email) RETURNING "
                                        + COLUMNS)
                        .bind("code", code)
                        .bind("name", name);
        Mono<Department> created =
                bind(insert, "email", email, String.class)
                        .map(R2dbcDepartmentRepository::toDepartment)
                        .one();
        return transactions
                .inTransaction(
                        () ->
                                created.flatMap(
                                        d ->
                                                isDefault
                                                        ? makeDefault(d.id()).then(findById(d.id()))
                                                        : Mono.just(d)))
                .onErrorMap(
                        DataIntegrityViolationException.class,
                        e ->
                                Problem.conflict(
                                        "code_taken",
                                        "A department with the code '" + code + "' exists."));
    }

    @Override
    public Mono<Department> update(
            UUID id, String name, String email, Boolean isDefault, Boolean active) {
        var update =
                db.sql(
                                """
                UPDATE departments SET name = coalesce(:name, name), email = coalesce(:email, email),
                                       active = coalesce(:active, active), updated_at = now()
                 WHERE id = :id""")
                        .bind("id", id);
        update = bind(update, "name", name, String.class);
        update = bind(update, "email", email, String.class);
        update = bind(update, "active", active, Boolean.class);
        Mono<Long> updated = update.fetch().rowsUpdated();
        return transactions
                .inTransaction(
                        () ->
                                updated.then(
                                        Boolean.TRUE.equals(isDefault)
                                                ? makeDefault(id)
                                                : Mono.empty()))
                .then(findById(id));
    }

    private Mono<Void> makeDefault(UUID id) {
        return db.sql("UPDATE departments SET is_default = false WHERE is_default AND id <> :id")
                .bind("id", id)
                .then()
                .then(
                        db.sql(
                                        "UPDATE departments SET is_default = true, active = true WHERE id = :id")
                                .bind("id", id)
                                .then());
    }

    static Department toDepartment(Readable row) {
        return new Department(
                Sql.uuid(row, "id"),
                Sql.text(row, "code"),
                Sql.text(row, "name"),
                Sql.text(row, "email"),
                Sql.flag(row, "is_default"),
                Sql.flag(row, "active"));
    }

    private static DepartmentInfo toInfo(Readable row) {
        return new DepartmentInfo(
                Sql.uuid(row, "id"),
                Sql.text(row, "code"),
                Sql.text(row, "name"),
                Sql.text(row, "email"),
                Sql.flag(row, "is_default"),
                Sql.flag(row, "active"),
                (int) Sql.number(row, "agents_online"),
                (int) Sql.number(row, "waiting"));
    }
}
