package id.oss.livechat.server.session.internal;

import id.oss.livechat.model.Priority;
import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.visitor.CaseContext;
import id.oss.livechat.model.visitor.Contact;
import id.oss.livechat.model.visitor.LastMessage;
import id.oss.livechat.server.session.SessionOverview;
import id.oss.livechat.server.system.database.Sql;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The query behind every staff view of a session, and its mapping. */
final class StaffSessionSql {
    private StaffSessionSql() {}

    static final String SELECT =
            """
            SELECT s.id, s.chat_user_id, s.status, s.topic, s.topic_code, s.priority, s.department_id,
                   s.agent_id, s.started_at, s.queued_at, s.assigned_at, s.ended_at, s.close_reason,
                   s.last_seq, s.left_message_at, s.agent_read_seq, s.visitor_read_seq,
                   s.agent_assigned_at, s.agent_answered, s.taken_by_hand, u.status AS agent_status,
                   d.code AS department_code, d.name AS department_name,
                   u.display_name AS agent_name,
                   cu.oss_user_id, cu.email AS visitor_email, NOT cu.is_anonymous AS verified,
                   c.contact_name, c.contact_email, c.contact_phone, c.position, c.company_name,
                   (SELECT count(*) FROM chat_messages um
                     WHERE um.session_id = s.id AND um.sender_type = 'visitor' AND um.seq > s.agent_read_seq) AS unread,
                   CASE WHEN s.status = 'waiting' THEN
                     (SELECT count(*) FROM chat_sessions w
                       WHERE w.status = 'waiting' AND w.department_id = s.department_id
                         AND (w.priority_rank, w.queued_at, w.id) < (s.priority_rank, s.queued_at, s.id)) + 1
                   END AS queue_position,
                   lm.seq AS lm_seq, lm.sender_type AS lm_sender_type, lm.sender_name AS lm_sender_name,
                   lm.body AS lm_body, lm.sent_at AS lm_sent_at,
                   sc.session_id AS case_session, sc.nib AS case_nib,
                   sc.application_number AS case_application, sc.kbli AS case_kbli,
                   sc.licence_type AS case_licence_type, sc.province AS case_province,
                   sc.verified AS case_verified
              FROM chat_sessions s
              JOIN departments d ON d.id = s.department_id
              JOIN chat_users cu ON cu.id = s.chat_user_id
              LEFT JOIN users u ON u.id = s.agent_id
              LEFT JOIN chat_session_contacts c ON c.session_id = s.id
              LEFT JOIN session_contexts sc ON sc.session_id = s.id
              LEFT JOIN LATERAL (SELECT m.seq, m.sender_type, m.sender_name, m.body, m.sent_at
                                   FROM chat_messages m WHERE m.session_id = s.id
                                  ORDER BY m.seq DESC LIMIT 1) lm ON true
            """;

    /**
     * The row as staff see it. {@code unansweredAfter}: how long an agent may leave a chat
     * unanswered before it goes back to the queue, for {@code answerBy}.
     */
    static SessionOverview toOverview(Readable row, Duration unansweredAfter) {
        String contactName = Sql.text(row, "contact_name");
        Long lastSeq = Sql.nullableNumber(row, "lm_seq");
        Long position = Sql.nullableNumber(row, "queue_position");
        return new SessionOverview(
                Sql.uuid(row, "id"),
                Sql.uuid(row, "chat_user_id"),
                SessionStatus.fromWire(Sql.text(row, "status")),
                Sql.text(row, "topic"),
                Sql.text(row, "topic_code"),
                Priority.fromWire(Sql.text(row, "priority")),
                Sql.uuid(row, "department_id"),
                Sql.text(row, "department_code"),
                Sql.text(row, "department_name"),
                Sql.uuid(row, "agent_id"),
                Sql.text(row, "agent_name"),
                contactName == null
                        ? null
                        : new Contact(
                                contactName,
                                Sql.text(row, "contact_email"),
                                Sql.text(row, "contact_phone"),
                                Sql.text(row, "position"),
                                Sql.text(row, "company_name")),
                Sql.flag(row, "verified"),
                Sql.text(row, "oss_user_id"),
                Sql.text(row, "visitor_email"),
                Sql.instant(row, "started_at"),
                Sql.instant(row, "queued_at"),
                Sql.instant(row, "assigned_at"),
                Sql.instant(row, "ended_at"),
                Sql.text(row, "close_reason"),
                Sql.number(row, "last_seq"),
                Sql.number(row, "unread"),
                position == null ? null : position.intValue(),
                lastSeq == null
                        ? null
                        : new LastMessage(
                                lastSeq,
                                SenderType.fromWire(Sql.text(row, "lm_sender_type")),
                                Sql.text(row, "lm_sender_name"),
                                Sql.text(row, "lm_body"),
                                Sql.instant(row, "lm_sent_at")),
                Sql.instant(row, "left_message_at"),
                answerBy(row, unansweredAfter),
                caseContext(row),
                Sql.flag(row, "case_verified"),
                Sql.number(row, "agent_read_seq"),
                Sql.number(row, "visitor_read_seq"));
    }

    /** The citizen's case as the portal passed it, or null when it passed none. */
    private static CaseContext caseContext(Readable row) {
        if (Sql.uuid(row, "case_session") == null) {
            return null;
        }
        String[] kbli = row.get("case_kbli", String[].class);
        return new CaseContext(
                Sql.text(row, "case_nib"),
                Sql.text(row, "case_application"),
                kbli == null ? List.of() : List.of(kbli),
                Sql.text(row, "case_licence_type"),
                Sql.text(row, "case_province"));
    }

    /**
     * When the unanswered timeout pulls the chat back: only while it is active, unanswered, and not
     * taken by hand by an agent who is online (the rule of {@code requeueUnanswered}).
     */
    private static Instant answerBy(Readable row, Duration unansweredAfter) {
        Instant assigned = Sql.instant(row, "agent_assigned_at");
        boolean spared =
                Sql.flag(row, "taken_by_hand") && "online".equals(Sql.text(row, "agent_status"));
        if (!"active".equals(Sql.text(row, "status"))
                || assigned == null
                || Sql.flag(row, "agent_answered")
                || spared) {
            return null;
        }
        return assigned.plus(unansweredAfter);
    }
}
