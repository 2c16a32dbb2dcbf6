package id.oss.livechat.server.visitor.internal;

import static id.oss.livechat.server.system.database.Sql.bind;

import id.oss.livechat.server.common.ClientInfo;
import id.oss.livechat.server.system.database.Sql;
import id.oss.livechat.server.visitor.ChatUser;
import id.oss.livechat.server.visitor.ChatUserRepository;
import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Visitors in {@code chat_users}. Upserts lean on the partial unique indexes of live rows. */
public class R2dbcChatUserRepository implements ChatUserRepository {
    private static final String COLUMNS = "id, browser_uuid, oss_user_id, email, is_anonymous";

    private final DatabaseClient db;

    public R2dbcChatUserRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<ChatUser> upsertOssUser(String ossUserId, String email, ClientInfo client) {
        var spec =
                db.sql(
                                """
                INSERT INTO chat_users (oss_user_id, email, is_anonymous, ip_address, user_agent)
                VALUES (:oss, :email, false, :ip, :agent)
                ON CONFLICT (oss_user_id) WHERE deleted_at IS NULL
                DO UPDATE SET email = coalesce(EXCLUDED.email, chat_users.email),
                              ip_address = coalesce(EXCLUDED.ip_address, chat_users.ip_address),
                              user_agent = coalesce(EXCLUDED.user_agent, chat_users.user_agent),
                              updated_at = now()
                RETURNING """
                                        + " "
                                        + COLUMNS)
                        .bind("oss", ossUserId);
        spec = bind(spec, "email", email, String.class);
        spec = bind(spec, "ip", client.ipAddress(), String.class);
        spec = bind(spec, "agent", client.userAgent(), String.class);
        return spec.map(R2dbcChatUserRepository::toChatUser).one();
    }

    @Override
    public Mono<ChatUser> findAnonymous(UUID browserUuid) {
        return db.sql(
                        "SELECT "
                                + COLUMNS
                                + " FROM chat_users WHERE browser_uuid = :browser"
                                + " AND is_anonymous AND deleted_at IS NULL")
                .bind("browser", browserUuid)
                .map(R2dbcChatUserRepository::toChatUser)
                .one();
    }

    @Override
    public Mono<ChatUser> findOssUser(String ossUserId) {
        return db.sql(
                        "SELECT "
                                + COLUMNS
                                + " FROM chat_users WHERE oss_user_id = :oss AND deleted_at IS NULL")
                .bind("oss", ossUserId)
                .map(R2dbcChatUserRepository::toChatUser)
                .one();
    }

    @Override
    public Mono<Integer> mergeInto(UUID anonymousId, UUID ossUserChatUserId) {
        Mono<Long> moveSessions =
                db.sql("UPDATE chat_sessions SET chat_user_id = :to WHERE chat_user_id = :from")
                        .bind("to", ossUserChatUserId)
                        .bind("from", anonymousId)
                        .fetch()
                        .rowsUpdated();
        Mono<Long> retire =
                db.sql(
                                """
                UPDATE chat_users SET deleted_at = now(), merged_into = :to, updated_at = now()
                WHERE id = :from AND deleted_at IS NULL""")
                        .bind("to", ossUserChatUserId)
                        .bind("from", anonymousId)
                        .fetch()
                        .rowsUpdated();
        return moveSessions.flatMap(moved -> retire.thenReturn(moved.intValue()));
    }

    @Override
    public Flux<OpenSession> openSessionsOf(UUID chatUserId) {
        return db.sql(
                        "SELECT id, agent_id FROM chat_sessions WHERE chat_user_id = :user AND status <> 'closed'")
                .bind("user", chatUserId)
                .map(row -> new OpenSession(Sql.uuid(row, "id"), Sql.uuid(row, "agent_id")))
                .all();
    }

    private static ChatUser toChatUser(Readable row) {
        return new ChatUser(
                Sql.uuid(row, "id"),
                Sql.uuid(row, "browser_uuid"),
                Sql.text(row, "oss_user_id"),
                Sql.text(row, "email"),
                Sql.flag(row, "is_anonymous"));
    }
}
