package id.oss.livechat.server.export.internal;

import id.oss.livechat.server.export.ChatListQuery;
import id.oss.livechat.server.export.ChatListRepository;
import id.oss.livechat.server.export.ExportedChat;
import id.oss.livechat.server.search.SearchScope;
import id.oss.livechat.server.system.database.Sql;
import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;

/** The chat list export's query over sessions, contacts, tags and close reasons. */
public class R2dbcChatListRepository implements ChatListRepository {
    private static final String SELECT =
            """
            SELECT s.id, s.started_at, s.ended_at, s.status, d.name AS department,
                   u.display_name AS agent, s.topic_code, s.topic, c.contact_name, c.contact_email,
                   c.contact_phone, c.company_name, cu.oss_user_id, s.close_reason_code,
                   s.close_reason, s.rating,
                   (SELECT string_agg(t.code, ';' ORDER BY t.code)
                      FROM session_tags st JOIN tags t ON t.id = st.tag_id
                     WHERE st.session_id = s.id) AS tags
              FROM chat_sessions s
              JOIN departments d ON d.id = s.department_id
              JOIN chat_users cu ON cu.id = s.chat_user_id
              LEFT JOIN users u ON u.id = s.agent_id
              LEFT JOIN chat_session_contacts c ON c.session_id = s.id
             WHERE %s
             ORDER BY s.started_at DESC, s.id DESC""";

    // the same words, the same way, as the search matches them (migration V31)
    private static final String MATCHES =
            """
             AND EXISTS (SELECT 1 FROM chat_messages m
                          WHERE m.session_id = s.id AND m.search_vector @@ plainto_tsquery('simple', :q)
                         UNION ALL
                         SELECT 1 WHERE to_tsvector('simple', s.topic) @@ plainto_tsquery('simple', :q)
                            OR chat_contact_document(c.contact_name, c.contact_email, c.contact_phone,
                                                     c.company_name) @@ plainto_tsquery('simple', :q))""";

    private final DatabaseClient db;

    public R2dbcChatListRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<ExportedChat> chats(ChatListQuery query) {
        SearchScope scope = query.scope();
        StringBuilder where = new StringBuilder("true");
        if (scope.from() != null) {
            where.append(" AND s.started_at >= :from");
        }
        if (scope.to() != null) {
            where.append(" AND s.started_at < :to");
        }
        if (scope.departmentId() != null) {
            where.append(" AND s.department_id = :department");
        }
        if (!scope.everything()) {
            where.append(" AND (s.department_id = ANY (:visible) OR s.agent_id = :me)");
        }
        if (query.status() != null) {
            where.append(" AND s.status = :status");
        }
        if (query.agentId() != null) {
            where.append(" AND s.agent_id = :agent");
        }
        if (query.tagCode() != null) {
            where.append(
                    " AND EXISTS (SELECT 1 FROM session_tags ft JOIN tags fg ON fg.id = ft.tag_id"
                            + " WHERE ft.session_id = s.id AND fg.code = :tag)");
        }
        if (query.closeReasonCode() != null) {
            where.append(" AND s.close_reason_code = :closeReason");
        }
        if (query.text() != null) {
            where.append(MATCHES);
        }
        return bind(db.sql(SELECT.formatted(where)), query)
                .map(R2dbcChatListRepository::toChat)
                .all();
    }

    private static GenericExecuteSpec bind(GenericExecuteSpec spec, ChatListQuery query) {
        SearchScope scope = query.scope();
        if (scope.from() != null) {
            spec = spec.bind("from", scope.from());
        }
        if (scope.to() != null) {
            spec = spec.bind("to", scope.to());
        }
        if (scope.departmentId() != null) {
            spec = spec.bind("department", scope.departmentId());
        }
        if (!scope.everything()) {
            spec =
                    spec.bind("visible", scope.visibleDepartments().toArray(UUID[]::new))
                            .bind("me", scope.agentId());
        }
        if (query.status() != null) {
            spec = spec.bind("status", query.status().wire());
        }
        if (query.agentId() != null) {
            spec = spec.bind("agent", query.agentId());
        }
        if (query.tagCode() != null) {
            spec = spec.bind("tag", query.tagCode());
        }
        if (query.closeReasonCode() != null) {
            spec = spec.bind("closeReason", query.closeReasonCode());
        }
        if (query.text() != null) {
            spec = spec.bind("q", query.text());
        }
        return spec;
    }

    private static ExportedChat toChat(Readable row) {
        Number rating = row.get("rating", Number.class);
        return new ExportedChat(
                Sql.uuid(row, "id"),
                Sql.instant(row, "started_at"),
                Sql.instant(row, "ended_at"),
                Sql.text(row, "status"),
                Sql.text(row, "department"),
                Sql.text(row, "agent"),
                Sql.text(row, "topic_code"),
                Sql.text(row, "topic"),
                Sql.text(row, "contact_name"),
                Sql.text(row, "contact_email"),
                Sql.text(row, "contact_phone"),
                Sql.text(row, "company_name"),
                Sql.text(row, "oss_user_id"),
                Sql.text(row, "tags"),
                Sql.text(row, "close_reason_code"),
                Sql.text(row, "close_reason"),
                rating == null ? null : rating.intValue());
    }
}
