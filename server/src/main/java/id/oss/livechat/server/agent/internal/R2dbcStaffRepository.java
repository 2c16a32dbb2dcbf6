package id.oss.livechat.server.agent.internal;

import static id.oss.livechat.server.system.database.Sql.bind;

import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.StaffRole;
import id.oss.livechat.server.agent.StaffAccount;
import id.oss.livechat.server.agent.StaffRepository;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Transactions;
import id.oss.livechat.server.system.database.Sql;
import io.r2dbc.spi.Readable;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff in {@code users} and {@code user_departments}, each with its live load. */
public class R2dbcStaffRepository implements StaffRepository {
    private static final String SELECT =
            """
            SELECT u.id, u.username, u.display_name, u.email, u.password_hash, u.role, u.status, u.max_chats, u.active, u.token_version,
                   coalesce((SELECT array_agg(ud.department_id ORDER BY ud.department_id)
                               FROM user_departments ud WHERE ud.user_id = u.id), '{}') AS department_ids,
                   (SELECT count(*) FROM chat_sessions s WHERE s.agent_id = u.id AND s.status = 'active') AS active_chats
            FROM users u
            """;

    private final DatabaseClient db;
    private final Transactions transactions;

    public R2dbcStaffRepository(DatabaseClient db, Transactions transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    @Override
    public Mono<StaffAccount> findByUsername(String username) {
        return db.sql(SELECT + " WHERE u.username = :username")
                .bind("username", username)
                .map(R2dbcStaffRepository::toAccount)
                .one();
    }

    @Override
    public Mono<StaffAccount> findById(UUID id) {
        return db.sql(SELECT + " WHERE u.id = :id")
                .bind("id", id)
                .map(R2dbcStaffRepository::toAccount)
                .one();
    }

    @Override
    public Flux<StaffAccount> findAll() {
        return db.sql(SELECT + " ORDER BY u.display_name")
                .map(R2dbcStaffRepository::toAccount)
                .all();
    }

    @Override
    public Mono<StaffAccount> create(NewAccount account) {
        var insert =
                db.sql(
                                """
                INSERT INTO users (username, display_name, email, password_hash, role, max_chats)
                VALUES (:username, :name, :email, :hash, :role, :max) RETURNING id""")
                        .bind("username", account.username())
                        .bind("name", account.displayName())
                        .bind("hash", account.passwordHash())
                        .bind("role", account.role().wire())
                        .bind("max", account.maxChats());
        insert = bind(insert, "email", account.email(), String.class);
        var created = insert.map(row -> Sql.uuid(row, "id")).one();
        return transactions
                .inTransaction(
                        () ->
                                created.flatMap(
                                        id ->
                                                replaceDepartments(id, account.departmentIds())
                                                        .thenReturn(id)))
                .onErrorMap(
                        DataIntegrityViolationException.class,
                        e ->
                                Problem.conflict(
                                        "username_taken",
                                        "The username '" + account.username() + "' is taken."))
                .flatMap(this::findById);
    }

    @Override
    public Mono<StaffAccount> update(UUID id, Changes changes) {
        var update =
                db.sql(
                                """
                UPDATE users SET display_name = coalesce(:name, display_name),
                                 email = coalesce(:email, email),
                                 password_hash = coalesce(:hash, password_hash),
                                 role = coalesce(:role, role),
                                 max_chats = coalesce(:max, max_chats),
                                 active = coalesce(:active, active),
                                 status = CASE WHEN :active = false THEN 'offline' ELSE status END,
                                 token_version = token_version + CASE WHEN :revoke THEN 1 ELSE 0 END,
                                 updated_at = now()
                 WHERE id = :id""")
                        .bind("id", id)
                        .bind("revoke", changes.revokeTokens());
        update = bind(update, "name", changes.displayName(), String.class);
        update = bind(update, "email", changes.email(), String.class);
        update = bind(update, "hash", changes.passwordHash(), String.class);
        update =
                bind(
                        update,
                        "role",
                        changes.role() == null ? null : changes.role().wire(),
                        String.class);
        update = bind(update, "max", changes.maxChats(), Integer.class);
        update = bind(update, "active", changes.active(), Boolean.class);
        Mono<Long> updated = update.fetch().rowsUpdated();
        return transactions
                .inTransaction(
                        () ->
                                updated.flatMap(
                                        n ->
                                                changes.departmentIds() == null
                                                        ? Mono.just(n)
                                                        : replaceDepartments(
                                                                        id, changes.departmentIds())
                                                                .thenReturn(n)))
                .flatMap(n -> findById(id));
    }

    @Override
    public Mono<StaffAccount> setStatus(UUID id, AgentStatus status) {
        return db.sql(
                        "UPDATE users SET status = :status, status_changed_at = now(), away_by_absence = false, updated_at = now() WHERE id = :id AND active")
                .bind("status", status.wire())
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .filter(n -> n > 0)
                .flatMap(n -> findById(id));
    }

    @Override
    public Mono<Standing> standing(UUID id) {
        return db.sql(
                        "SELECT id, username, display_name, role, active, token_version FROM users WHERE id = :id")
                .bind("id", id)
                .map(
                        row ->
                                new Standing(
                                        Sql.uuid(row, "id"),
                                        Sql.text(row, "username"),
                                        Sql.text(row, "display_name"),
                                        StaffRole.fromWire(Sql.text(row, "role")),
                                        Sql.flag(row, "active"),
                                        (int) Sql.number(row, "token_version")))
                .one();
    }

    @Override
    public Mono<Void> socketsSeen(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("UPDATE users SET socket_seen_at = now() WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<StaffAccount> backFromAbsence(UUID id) {
        return db.sql(
                        """
                UPDATE users SET status = 'online', away_by_absence = false, socket_seen_at = now(),
                                 status_changed_at = now()
                 WHERE id = :id AND active AND status = 'away' AND away_by_absence
                RETURNING id""")
                .bind("id", id)
                .map(row -> Sql.uuid(row, "id"))
                .one()
                .flatMap(this::findById);
    }

    @Override
    public Flux<StaffAccount> awayForAbsence(java.time.Duration grace) {
        return db.sql(
                        """
                UPDATE users SET status = 'away', away_by_absence = true, status_changed_at = now()
                 WHERE status = 'online' AND active
                   AND greatest(socket_seen_at, status_changed_at) < now() - make_interval(secs => :grace)
                RETURNING id""")
                .bind("grace", grace.toMillis() / 1000.0)
                .map(row -> Sql.uuid(row, "id"))
                .all()
                .concatMap(this::findById);
    }

    @Override
    public Mono<Integer> revokeTokens(UUID id) {
        return db.sql(
                        "UPDATE users SET token_version = token_version + 1, updated_at = now() WHERE id = :id RETURNING token_version")
                .bind("id", id)
                .map(row -> (int) Sql.number(row, "token_version"))
                .one();
    }

    private Mono<Void> replaceDepartments(UUID userId, List<UUID> departmentIds) {
        Mono<Long> clear =
                db.sql("DELETE FROM user_departments WHERE user_id = :id")
                        .bind("id", userId)
                        .fetch()
                        .rowsUpdated();
        if (departmentIds.isEmpty()) {
            return clear.then();
        }
        // one statement for all departments: unnest, not a round trip per row
        return clear.then(
                db.sql(
                                """
                        INSERT INTO user_departments (user_id, department_id)
                        SELECT :id, d FROM unnest(:departments::uuid[]) AS d ON CONFLICT DO NOTHING""")
                        .bind("id", userId)
                        .bind("departments", departmentIds.toArray(UUID[]::new))
                        .fetch()
                        .rowsUpdated()
                        .then());
    }

    private static StaffAccount toAccount(Readable row) {
        UUID[] departments = row.get("department_ids", UUID[].class);
        return new StaffAccount(
                Sql.uuid(row, "id"),
                Sql.text(row, "username"),
                Sql.text(row, "display_name"),
                Sql.text(row, "email"),
                Sql.text(row, "password_hash"),
                StaffRole.fromWire(Sql.text(row, "role")),
                AgentStatus.fromWire(Sql.text(row, "status")),
                (int) Sql.number(row, "max_chats"),
                Sql.flag(row, "active"),
                departments == null ? List.of() : Arrays.asList(departments),
                (int) Sql.number(row, "active_chats"),
                (int) Sql.number(row, "token_version"));
    }
}
