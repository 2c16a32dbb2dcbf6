package id.oss.livechat.server.notification.internal;

import id.oss.livechat.model.Language;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.server.notification.MailContext;
import id.oss.livechat.server.notification.MailSource;
import id.oss.livechat.server.system.database.Sql;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** A session's mail context in one query. */
public class R2dbcMailSource implements MailSource {
    private final DatabaseClient db;

    public R2dbcMailSource(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<MailContext> context(UUID sessionId) {
        return db.sql(
                        """
                SELECT s.id, s.topic, s.topic_code, s.status, s.language, s.started_at, s.ended_at,
                       c.contact_name, coalesce(c.contact_email, cu.email) AS contact_email,
                       CASE WHEN NOT cu.is_anonymous THEN cu.email END AS account_email,
                       d.name AS department_name, d.email AS department_email,
                       (SELECT count(*) FROM users u JOIN user_departments ud ON ud.user_id = u.id
                         WHERE ud.department_id = s.department_id AND u.active AND u.status = 'online'
                           AND u.role = 'agent') AS online,
                       a.display_name AS agent_name
                  FROM chat_sessions s
                  JOIN departments d ON d.id = s.department_id
                  JOIN chat_users cu ON cu.id = s.chat_user_id
                  LEFT JOIN chat_session_contacts c ON c.session_id = s.id
                  LEFT JOIN users a ON a.id = s.agent_id
                 WHERE s.id = :id""")
                .bind("id", sessionId)
                .map(
                        row ->
                                new MailContext(
                                        Sql.uuid(row, "id"),
                                        Sql.text(row, "topic"),
                                        Sql.text(row, "topic_code"),
                                        SessionStatus.fromWire(Sql.text(row, "status")),
                                        Language.fromWire(Sql.text(row, "language")),
                                        Sql.text(row, "contact_name"),
                                        Sql.text(row, "contact_email"),
                                        Sql.text(row, "account_email"),
                                        Sql.text(row, "department_name"),
                                        Sql.text(row, "department_email"),
                                        (int) Sql.number(row, "online"),
                                        Sql.text(row, "agent_name"),
                                        Sql.instant(row, "started_at"),
                                        Sql.instant(row, "ended_at")))
                .one();
    }
}
