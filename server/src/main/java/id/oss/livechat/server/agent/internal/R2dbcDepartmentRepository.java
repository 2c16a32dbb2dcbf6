package id.oss.livechat.server.agent.internal;

import id.oss.livechat.server.agent.Department;
import id.oss.livechat.server.agent.DepartmentRepository;
import id.oss.livechat.server.system.database.Sql;
import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Departments in {@code departments}. */
public class R2dbcDepartmentRepository implements DepartmentRepository {
    private static final String COLUMNS = "id, code, name, email, is_default, active";
    private final DatabaseClient db;

    public R2dbcDepartmentRepository(DatabaseClient db) {
        this.db = db;
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

    static Department toDepartment(Readable row) {
        return new Department(
                Sql.uuid(row, "id"),
                Sql.text(row, "code"),
                Sql.text(row, "name"),
                Sql.text(row, "email"),
                Sql.flag(row, "is_default"),
                Sql.flag(row, "active"));
    }
}
