package id.oss.livechat.server.message.internal;

import static id.oss.livechat.server.system.database.Sql.bind;

import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.Sender;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.message.MessageStore;
import id.oss.livechat.server.system.database.Sql;
import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Messages in {@code chat_messages}. Appending is one statement: it finds an earlier copy by client
 * id, or takes the session's next number (the row lock on the session serialises writers, so
 * numbers have no gaps) and inserts. The same statement records the first agent reply and the
 * visitor's last sign of life.
 */
public class R2dbcMessageStore implements MessageStore {
    private static final String APPEND =
            """
            WITH existing AS (
              SELECT seq, client_msg_id, sender_type, sender_id, sender_name, body, sent_at
                FROM chat_messages WHERE session_id = :session AND client_msg_id = :client
            ), numbered AS (
              UPDATE chat_sessions
                 SET last_seq = last_seq + 1,
                     first_response_at = CASE WHEN :sender = 'agent' THEN coalesce(first_response_at, now())
                                              ELSE first_response_at END,
                     agent_answered = agent_answered OR (:sender = 'agent' AND agent_id IS NOT DISTINCT FROM :senderId),
                     visitor_last_seen_at = CASE WHEN :sender = 'visitor' THEN now() ELSE visitor_last_seen_at END
               WHERE id = :session AND status <> 'closed' AND NOT EXISTS (SELECT 1 FROM existing)
              RETURNING last_seq, status, department_id, visitor_last_seen_at
            ), inserted AS (
              INSERT INTO chat_messages (session_id, seq, client_msg_id, sender_type, sender_id, sender_name, body)
              SELECT :session, last_seq, :client, :sender, :senderId,
                     coalesce(:name, CASE WHEN :sender = 'visitor'
                                          THEN (SELECT contact_name FROM chat_session_contacts WHERE session_id = :session) END),
                     :body
                FROM numbered
              RETURNING seq, client_msg_id, sender_type, sender_id, sender_name, body, sent_at
            )
            SELECT i.*, false AS duplicate, n.status, n.department_id, n.visitor_last_seen_at
              FROM inserted i, numbered n
            UNION ALL
            SELECT e.*, true AS duplicate, NULL, NULL, NULL FROM existing e""";

    private final DatabaseClient db;

    public R2dbcMessageStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Stored> append(NewMessage message) {
        return tryAppend(message)
                // two sends of one client id at the same moment: the loser's insert hits the
                // unique key and its whole statement rolls back; the retry finds the winner's copy
                .onErrorResume(DataIntegrityViolationException.class, e -> tryAppend(message))
                .switchIfEmpty(Mono.defer(() -> whyNotStored(message.sessionId())));
    }

    private Mono<Stored> tryAppend(NewMessage message) {
        var spec =
                db.sql(APPEND)
                        .bind("session", message.sessionId())
                        .bind("client", message.clientMsgId())
                        .bind("sender", message.senderType().wire())
                        .bind("body", message.text());
        spec = bind(spec, "senderId", message.senderId(), UUID.class);
        spec = bind(spec, "name", message.senderName(), String.class);
        return spec.map(
                        row ->
                                new Stored(
                                        toMessage(message.sessionId(), row),
                                        Sql.flag(row, "duplicate"),
                                        snapshot(row)))
                .one();
    }

    private Mono<Stored> whyNotStored(UUID sessionId) {
        return db.sql("SELECT status FROM chat_sessions WHERE id = :id")
                .bind("id", sessionId)
                .map(row -> Sql.text(row, "status"))
                .one()
                .flatMap(
                        status ->
                                Mono.<Stored>error(
                                        Problem.conflict("session_closed", "This chat is closed.")))
                .switchIfEmpty(Mono.error(Problem.notFound("The session")));
    }

    @Override
    public Flux<ChatMessage> after(UUID sessionId, long afterSeq, int limit) {
        return db.sql(
                        """
                SELECT seq, client_msg_id, sender_type, sender_id, sender_name, body, sent_at FROM chat_messages
                 WHERE session_id = :session AND seq > :after ORDER BY seq LIMIT :limit""")
                .bind("session", sessionId)
                .bind("after", (int) Math.min(afterSeq, Integer.MAX_VALUE))
                .bind("limit", limit)
                .map(row -> toMessage(sessionId, row))
                .all();
    }

    private static ChatEvent.SessionSnapshot snapshot(Readable row) {
        String status = Sql.text(row, "status");
        // the visitor's last sign of life is what it was before this message: a visitor's own
        // message refreshes it, so it only tells something for other senders
        return status == null
                ? null
                : new ChatEvent.SessionSnapshot(
                        SessionStatus.fromWire(status),
                        Sql.uuid(row, "department_id"),
                        Sql.instant(row, "visitor_last_seen_at"));
    }

    static ChatMessage toMessage(UUID sessionId, Readable row) {
        return new ChatMessage(
                sessionId,
                Sql.number(row, "seq"),
                Sql.text(row, "client_msg_id"),
                new Sender(
                        SenderType.fromWire(Sql.text(row, "sender_type")),
                        Sql.uuid(row, "sender_id"),
                        Sql.text(row, "sender_name")),
                Sql.text(row, "body"),
                Sql.instant(row, "sent_at"));
    }
}
