package id.oss.livechat.server.message.internal;

import static id.oss.livechat.server.system.database.Sql.bind;

import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.AttachmentInfo;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.Sender;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.message.MessageStore;
import id.oss.livechat.server.system.database.Sql;
import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Messages in {@code chat_messages}. Appending is one statement: it finds an earlier copy by client
 * id, or takes the session's next number (the row lock on the session serialises writers, so
 * numbers have no gaps) and inserts. The same statement records the first agent reply (a staff-only
 * note is none) and the visitor's last sign of life.
 */
public class R2dbcMessageStore implements MessageStore {
    private static final String APPEND =
            """
            WITH existing AS (
              SELECT seq, client_msg_id, sender_type, sender_id, sender_name, body, sent_at, internal,
                     attachment_id
                FROM chat_messages WHERE session_id = :session AND client_msg_id = :client
            ), numbered AS (
              UPDATE chat_sessions
                 SET last_seq = last_seq + 1,
                     first_response_at = CASE WHEN :sender = 'agent' AND NOT :internal THEN coalesce(first_response_at, now())
                                              ELSE first_response_at END,
                     agent_answered = agent_answered OR (:sender = 'agent' AND NOT :internal AND agent_id IS NOT DISTINCT FROM :senderId),
                     visitor_last_seen_at = CASE WHEN :sender = 'visitor' THEN now() ELSE visitor_last_seen_at END
               WHERE id = :session AND status <> 'closed' AND NOT EXISTS (SELECT 1 FROM existing)
              RETURNING last_seq, status, department_id, visitor_last_seen_at
            ), inserted AS (
              INSERT INTO chat_messages (session_id, seq, client_msg_id, sender_type, sender_id, sender_name, body, internal,
                                         attachment_id)
              SELECT :session, last_seq, :client, :sender, :senderId,
                     coalesce(:name, CASE WHEN :sender = 'visitor'
                                          THEN (SELECT contact_name FROM chat_session_contacts WHERE session_id = :session) END),
                     :body, :internal, :attachment
                FROM numbered
              RETURNING seq, client_msg_id, sender_type, sender_id, sender_name, body, sent_at, internal,
                        attachment_id
            )
            SELECT i.*, false AS duplicate, n.status, n.department_id, n.visitor_last_seen_at
              FROM inserted i, numbered n
            UNION ALL
            SELECT e.*, true AS duplicate, NULL, NULL, NULL FROM existing e""";

    /** The most messages one grouped statement carries. */
    static final int MAX_GROUP = 200;

    private static final String APPEND_GROUP =
            "SELECT * FROM append_messages(CAST(:sessions AS uuid[]), CAST(:clients AS text[]),"
                    + " CAST(:senders AS text[]), CAST(:senderIds AS uuid[]), CAST(:names AS"
                    + " text[]), CAST(:bodies AS text[]), CAST(:internal AS boolean[]))";

    private final DatabaseClient db;
    private final int concurrency;
    // appends waiting for a statement, and how many statements run now
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong groups =
            new java.util.concurrent.atomic.AtomicLong();

    private record Pending(NewMessage message, Sinks.One<Stored> result) {}

    public R2dbcMessageStore(DatabaseClient db) {
        this(db, 1);
    }

    /**
     * @param concurrency how many append statements may run at once; messages that arrive while
     *     that many run wait and then go together, in one statement and one commit
     */
    public R2dbcMessageStore(DatabaseClient db, int concurrency) {
        this.db = db;
        this.concurrency = Math.max(1, concurrency);
    }

    /**
     * Appends one message. Alone it is one statement; under load the messages that arrive while
     * {@code concurrency} statements are in flight are grouped into the next one ({@code
     * append_messages}), so one commit carries many: under load PostgreSQL's cost per commit, not
     * per message, is what limits the rate.
     */
    @Override
    public Mono<Stored> append(NewMessage message) {
        if (message.attachment() != null) {
            return appendInTransaction(message);
        }
        return Mono.defer(
                () -> {
                    Pending pending = new Pending(message, Sinks.one());
                    waiting.add(pending);
                    drain();
                    return pending.result().asMono();
                });
    }

    private void drain() {
        while (!waiting.isEmpty()) {
            int running = inFlight.get();
            if (running >= concurrency) {
                // a running statement drains again when it ends
                return;
            }
            if (!inFlight.compareAndSet(running, running + 1)) {
                continue;
            }
            List<Pending> group = new ArrayList<>();
            Pending next;
            while (group.size() < MAX_GROUP && (next = waiting.poll()) != null) {
                group.add(next);
            }
            if (group.isEmpty()) {
                inFlight.decrementAndGet();
                continue;
            }
            store(group)
                    .doFinally(
                            signal -> {
                                inFlight.decrementAndGet();
                                drain();
                            })
                    .subscribe();
        }
    }

    private Mono<Void> store(List<Pending> group) {
        if (group.size() == 1) {
            return complete(group.get(0), appendOne(group.get(0).message()));
        }
        // sorted by session (stable: arrival order within a session), so concurrent groups lock
        // sessions in one order and never deadlock
        groups.incrementAndGet();
        List<Pending> sorted = new ArrayList<>(group);
        sorted.sort(Comparator.comparing(p -> p.message().sessionId()));
        int n = sorted.size();
        UUID[] sessions = new UUID[n];
        String[] clients = new String[n];
        String[] senders = new String[n];
        UUID[] senderIds = new UUID[n];
        String[] names = new String[n];
        String[] bodies = new String[n];
        Boolean[] internal = new Boolean[n];
        for (int i = 0; i < n; i++) {
            NewMessage m = sorted.get(i).message();
            sessions[i] = m.sessionId();
            clients[i] = m.clientMsgId();
            senders[i] = m.senderType().wire();
            senderIds[i] = m.senderId();
            names[i] = m.senderName();
            bodies[i] = m.text();
            internal[i] = m.internal();
        }
        return db.sql(APPEND_GROUP)
                .bind("sessions", sessions)
                .bind("clients", clients)
                .bind("senders", senders)
                .bind("senderIds", senderIds)
                .bind("names", names)
                .bind("bodies", bodies)
                .bind("internal", internal)
                .map(
                        row -> {
                            int ord = (int) Sql.number(row, "ord");
                            return Map.entry(
                                    ord,
                                    new Stored(
                                            toMessage(sessions[ord - 1], row),
                                            Sql.flag(row, "duplicate"),
                                            snapshot(row)));
                        })
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .flatMap(
                        stored ->
                                Flux.range(1, n)
                                        .concatMap(
                                                ord ->
                                                        complete(
                                                                sorted.get(ord - 1),
                                                                stored.containsKey(ord)
                                                                        ? Mono.just(stored.get(ord))
                                                                        // nothing stored (a closed
                                                                        // or unknown session): the
                                                                        // single path says why
                                                                        : appendOne(
                                                                                sorted.get(ord - 1)
                                                                                        .message())))
                                        .then())
                // the group rolled back as a whole (say a resend raced its original on another
                // connection and hit the unique key): nothing of it was stored; each message
                // goes alone
                .onErrorResume(
                        e ->
                                Flux.fromIterable(sorted)
                                        .concatMap(p -> complete(p, appendOne(p.message())))
                                        .then());
    }

    /** How many grouped statements ran (tests). */
    long groupedStatements() {
        return groups.get();
    }

    private static Mono<Void> complete(Pending pending, Mono<Stored> result) {
        return result.doOnSuccess(
                        stored -> {
                            if (stored == null) {
                                pending.result().tryEmitEmpty();
                            } else {
                                pending.result().tryEmitValue(stored);
                            }
                        })
                .doOnError(e -> pending.result().tryEmitError(e))
                .onErrorResume(e -> Mono.empty())
                .then();
    }

    /**
     * One statement, subscribed in the caller's chain, so it joins the caller's transaction. A
     * failure is not retried here: inside a transaction the retry would only meet the abort.
     */
    @Override
    public Mono<Stored> appendInTransaction(NewMessage message) {
        return tryAppend(message)
                .switchIfEmpty(Mono.defer(() -> whyNotStored(message.sessionId())));
    }

    private Mono<Stored> appendOne(NewMessage message) {
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
                        .bind("body", message.text())
                        .bind("internal", message.internal());
        spec = bind(spec, "senderId", message.senderId(), UUID.class);
        spec = bind(spec, "name", message.senderName(), String.class);
        spec =
                bind(
                        spec,
                        "attachment",
                        message.attachment() == null ? null : message.attachment().id(),
                        UUID.class);
        return spec.map(
                        row ->
                                new Stored(
                                        toMessage(message.sessionId(), row, message.attachment()),
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
        return page(sessionId, afterSeq, limit, "");
    }

    @Override
    public Flux<ChatMessage> visibleToVisitorAfter(UUID sessionId, long afterSeq, int limit) {
        return page(sessionId, afterSeq, limit, " AND NOT m.internal");
    }

    private Flux<ChatMessage> page(UUID sessionId, long afterSeq, int limit, String filter) {
        return db.sql(
                        """
                SELECT m.seq, m.client_msg_id, m.sender_type, m.sender_id, m.sender_name, m.body,
                       m.sent_at, m.internal, a.id AS attachment_id, a.name AS attachment_name,
                       a.content_type AS attachment_type, a.size_bytes AS attachment_size
                  FROM chat_messages m LEFT JOIN chat_attachments a ON a.id = m.attachment_id
                 WHERE m.session_id = :session AND m.seq > :after"""
                                + filter
                                + " ORDER BY m.seq LIMIT :limit")
                .bind("session", sessionId)
                .bind("after", (int) Math.min(afterSeq, Integer.MAX_VALUE))
                .bind("limit", limit)
                .map(row -> toMessage(sessionId, row, attachmentOf(row)))
                .all();
    }

    @Override
    public Mono<Long> lastSeq(UUID sessionId) {
        return db.sql("SELECT last_seq FROM chat_sessions WHERE id = :id")
                .bind("id", sessionId)
                .map(row -> Sql.number(row, "last_seq"))
                .one();
    }

    @Override
    public Mono<Void> markRead(UUID sessionId, SenderType reader, long upToSeq) {
        String column = reader == SenderType.VISITOR ? "visitor_read_seq" : "agent_read_seq";
        return db.sql(
                        "UPDATE chat_sessions SET "
                                + column
                                + " = greatest("
                                + column
                                + ", least(:seq, last_seq)) WHERE id = :id")
                .bind("id", sessionId)
                .bind("seq", (int) Math.min(upToSeq, Integer.MAX_VALUE))
                .then();
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
        return toMessage(sessionId, row, null);
    }

    /** The file of a row read with the attachment's columns joined in; null when it has none. */
    private static AttachmentInfo attachmentOf(Readable row) {
        UUID id = Sql.uuid(row, "attachment_id");
        return id == null
                ? null
                : new AttachmentInfo(
                        id,
                        Sql.text(row, "attachment_name"),
                        Sql.text(row, "attachment_type"),
                        Sql.number(row, "attachment_size"));
    }

    static ChatMessage toMessage(UUID sessionId, Readable row, AttachmentInfo attachment) {
        return new ChatMessage(
                sessionId,
                Sql.number(row, "seq"),
                Sql.text(row, "client_msg_id"),
                new Sender(
                        SenderType.fromWire(Sql.text(row, "sender_type")),
                        Sql.uuid(row, "sender_id"),
                        Sql.text(row, "sender_name")),
                Sql.text(row, "body"),
                Sql.instant(row, "sent_at"),
                Sql.flag(row, "internal"),
                attachment);
    }
}
