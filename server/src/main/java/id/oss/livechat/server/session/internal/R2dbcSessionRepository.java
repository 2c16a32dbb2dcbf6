package id.oss.livechat.server.session.internal;

import static id.oss.livechat.server.system.database.Sql.bind;

import id.oss.livechat.model.Language;
import id.oss.livechat.model.Priority;
import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.visitor.AgentRef;
import id.oss.livechat.model.visitor.Contact;
import id.oss.livechat.model.visitor.DepartmentRef;
import id.oss.livechat.model.visitor.LastMessage;
import id.oss.livechat.server.session.ChatSession;
import id.oss.livechat.server.session.HistoryQuery;
import id.oss.livechat.server.session.NewSession;
import id.oss.livechat.server.session.SessionDetails;
import id.oss.livechat.server.session.SessionOverview;
import id.oss.livechat.server.session.SessionRepository;
import id.oss.livechat.server.session.StaffSessionQuery;
import id.oss.livechat.server.system.database.Sql;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Sessions in {@code chat_sessions}, contacts in {@code chat_session_contacts}. */
public class R2dbcSessionRepository implements SessionRepository {
    static final String SESSION_COLUMNS =
            "s.id, s.chat_user_id, s.agent_id, s.department_id, s.topic, s.topic_code, s.status,"
                    + " s.priority,"
                    + " s.language, s.started_at, s.ended_at, s.close_reason, s.last_seq,"
                    + " s.agent_read_seq, s.visitor_read_seq";

    /**
     * A session as its visitor sees it: with its department, agent, contact and newest message
     * (staff-only notes left out), in one round trip.
     */
    private static final String DETAILS_SELECT =
            "SELECT "
                    + SESSION_COLUMNS
                    + """
            , d.code AS department_code, d.name AS department_name,
              u.display_name AS agent_name,
              c.contact_name, c.contact_email, c.contact_phone, c.position, c.company_name,
              lm.seq AS last_message_seq, lm.sender_type AS last_message_sender_type,
              lm.sender_name AS last_message_sender_name, lm.body AS last_message_body,
              lm.sent_at AS last_message_sent_at
            FROM chat_sessions s
            JOIN departments d ON d.id = s.department_id
            LEFT JOIN users u ON u.id = s.agent_id
            LEFT JOIN chat_session_contacts c ON c.session_id = s.id
            LEFT JOIN LATERAL (SELECT m.seq, m.sender_type, m.sender_name, m.body, m.sent_at
                                 FROM chat_messages m WHERE m.session_id = s.id AND NOT m.internal
                                ORDER BY m.seq DESC LIMIT 1) lm ON true
            """;

    private final DatabaseClient db;
    private final Duration unansweredAfter;

    /**
     * @param unansweredAfter the routing's unanswered timeout, for the {@code answer_by} of staff
     *     views
     */
    public R2dbcSessionRepository(DatabaseClient db, Duration unansweredAfter) {
        this.db = db;
        this.unansweredAfter = unansweredAfter;
    }

    @Override
    public Mono<StartOutcome> startIfRoom(NewSession session, int perDepartment, int perAddress) {
        NewSession.Visitor visitor = session.visitor();
        var spec =
                db.sql(
                                """
                SELECT refusal, new_session, visitor, started FROM start_waiting_chat(
                    :user, :browser, :ip, :agent, :dept, :topic, :topicCode, :priority, :language,
                    :token, :started, :consent, :perDepartment, :perAddress)""")
                        .bind("dept", session.departmentId())
                        .bind("topic", session.topic())
                        .bind("priority", session.priority().wire())
                        .bind("language", session.language().wire())
                        .bind("token", ByteBuffer.wrap(session.visitorTokenHash()))
                        .bind("started", session.startedAt())
                        .bind("perDepartment", perDepartment)
                        .bind("perAddress", perAddress);
        spec = bind(spec, "user", visitor.chatUserId(), UUID.class);
        spec = bind(spec, "browser", visitor.browserUuid(), UUID.class);
        spec = bind(spec, "ip", visitor.client().ipAddress(), String.class);
        spec = bind(spec, "agent", visitor.client().userAgent(), String.class);
        spec = bind(spec, "consent", session.consentNotice(), String.class);
        return bind(spec, "topicCode", session.topicCode(), String.class)
                .map(row -> toStartOutcome(row, session))
                .one();
    }

    private static StartOutcome toStartOutcome(Readable row, NewSession session) {
        String refusal = Sql.text(row, "refusal");
        if (refusal == null) {
            ChatSession waiting =
                    new ChatSession(
                            Sql.uuid(row, "new_session"),
                            Sql.uuid(row, "visitor"),
                            null,
                            session.departmentId(),
                            session.topic(),
                            session.topicCode(),
                            SessionStatus.WAITING,
                            session.priority(),
                            session.language(),
                            Sql.instant(row, "started"),
                            null,
                            null,
                            0,
                            0,
                            0);
            return new StartOutcome(waiting, null);
        }
        return new StartOutcome(
                null,
                switch (refusal) {
                    case "queue_full" -> StartRefusal.QUEUE_FULL;
                    case "address_full" -> StartRefusal.ADDRESS_FULL;
                    default -> throw new IllegalStateException("start refused: " + refusal);
                });
    }

    @Override
    public Mono<ChatSession> findById(UUID id) {
        return db.sql("SELECT " + SESSION_COLUMNS + " FROM chat_sessions s WHERE s.id = :id")
                .bind("id", id)
                .map(R2dbcSessionRepository::toSession)
                .one();
    }

    @Override
    public Mono<UUID> findIdByTokenHash(byte[] tokenHash) {
        return db.sql("SELECT id FROM chat_sessions WHERE visitor_token_hash = :hash")
                .bind("hash", ByteBuffer.wrap(tokenHash))
                .map(row -> Sql.uuid(row, "id"))
                .one();
    }

    @Override
    public Mono<ContactSaved> saveContact(UUID sessionId, Contact contact, String consentNotice) {
        // the session's row is updated first: a claim of the session waits for this statement, or
        // this one for the claim and then reads its agent (read committed re-reads the row)
        var spec =
                db.sql(
                                """
                WITH session AS (
                  UPDATE chat_sessions SET visitor_last_seen_at = now()
                   WHERE id = :session AND status <> 'closed'
                  RETURNING agent_id)
                INSERT INTO chat_session_contacts
                  (session_id, contact_name, contact_email, contact_phone, position, company_name,
                   consent_at, consent_notice)
                VALUES (:session, :name, :email, :phone, :position, :company,
                        CASE WHEN CAST(:consent AS varchar) IS NULL THEN NULL ELSE now() END,
                        :consent)
                ON CONFLICT (session_id) DO UPDATE SET
                  contact_name = EXCLUDED.contact_name, contact_email = EXCLUDED.contact_email,
                  contact_phone = EXCLUDED.contact_phone, position = EXCLUDED.position,
                  company_name = EXCLUDED.company_name, updated_at = now(),
                  consent_at = coalesce(chat_session_contacts.consent_at, EXCLUDED.consent_at),
                  consent_notice = coalesce(chat_session_contacts.consent_notice,
                                            EXCLUDED.consent_notice)
                RETURNING updated_at, (SELECT agent_id FROM session) AS agent_id""")
                        .bind("session", sessionId)
                        .bind("name", contact.contactName());
        spec = bind(spec, "email", contact.contactEmail(), String.class);
        spec = bind(spec, "phone", contact.contactPhone(), String.class);
        spec = bind(spec, "position", contact.position(), String.class);
        spec = bind(spec, "company", contact.companyName(), String.class);
        spec = bind(spec, "consent", consentNotice, String.class);
        return spec.map(
                        row ->
                                new ContactSaved(
                                        Sql.instant(row, "updated_at"), Sql.uuid(row, "agent_id")))
                .one();
    }

    @Override
    public Mono<SessionDetails> details(UUID sessionId) {
        return db.sql(DETAILS_SELECT + " WHERE s.id = :id")
                .bind("id", sessionId)
                .map(R2dbcSessionRepository::toDetails)
                .one();
    }

    @Override
    public Mono<List<SessionDetails>> history(HistoryQuery query) {
        StringBuilder sql =
                new StringBuilder(DETAILS_SELECT).append(" WHERE s.chat_user_id = :user");
        if (query.after() != null) {
            sql.append(" AND (s.started_at, s.id) < (:afterStarted, :afterId)");
        }
        if (query.status() != null) {
            sql.append(" AND s.status = :status");
        }
        if (query.from() != null) {
            sql.append(" AND s.started_at >= :from");
        }
        if (query.to() != null) {
            sql.append(" AND s.started_at < :to");
        }
        sql.append(" ORDER BY s.started_at DESC, s.id DESC LIMIT :limit");
        var spec =
                db.sql(sql.toString())
                        .bind("user", query.chatUserId())
                        .bind("limit", query.limit() + 1);
        if (query.after() != null) {
            spec =
                    spec.bind("afterStarted", query.after().startedAt())
                            .bind("afterId", query.after().sessionId());
        }
        if (query.status() != null) {
            spec = spec.bind("status", query.status().wire());
        }
        if (query.from() != null) {
            spec = spec.bind("from", query.from());
        }
        if (query.to() != null) {
            spec = spec.bind("to", query.to());
        }
        return spec.map(R2dbcSessionRepository::toDetails).all().collectList();
    }

    @Override
    public Mono<List<SessionOverview>> overviews(StaffSessionQuery query) {
        StringBuilder sql = new StringBuilder(StaffSessionSql.SELECT).append(" WHERE true");
        if (query.status() != null) {
            sql.append(" AND s.status = :status");
        }
        if (query.departmentIds() != null) {
            sql.append(" AND s.department_id = ANY(:departments)");
        }
        if (query.agentId() != null) {
            sql.append(" AND s.agent_id = :agent");
        }
        if (query.chatUserId() != null) {
            sql.append(" AND s.chat_user_id = :chatUser");
        }
        if (query.seenBy() != null) {
            sql.append(
                    " AND (s.agent_id = :seenBy OR s.previous_agent_id = :seenBy OR s.department_id IN"
                            + " (SELECT department_id FROM user_departments WHERE user_id = :seenBy))");
        }
        sql.append(
                switch (query.status() == null ? SessionStatus.CLOSED : query.status()) {
                    case WAITING -> " ORDER BY s.priority_rank, s.queued_at, s.id";
                    case ACTIVE -> " ORDER BY s.assigned_at, s.id";
                    case CLOSED -> " ORDER BY s.started_at DESC, s.id DESC";
                });
        sql.append(" LIMIT :limit OFFSET :offset");
        var spec =
                db.sql(sql.toString())
                        .bind("limit", query.limit() + 1)
                        .bind("offset", query.offset());
        if (query.status() != null) {
            spec = spec.bind("status", query.status().wire());
        }
        if (query.departmentIds() != null) {
            spec = spec.bind("departments", query.departmentIds().toArray(UUID[]::new));
        }
        if (query.agentId() != null) {
            spec = spec.bind("agent", query.agentId());
        }
        if (query.chatUserId() != null) {
            spec = spec.bind("chatUser", query.chatUserId());
        }
        if (query.seenBy() != null) {
            spec = spec.bind("seenBy", query.seenBy());
        }
        return spec.map(row -> StaffSessionSql.toOverview(row, unansweredAfter))
                .all()
                .collectList();
    }

    @Override
    public Mono<SessionOverview> overview(UUID sessionId) {
        return db.sql(StaffSessionSql.SELECT + " WHERE s.id = :id")
                .bind("id", sessionId)
                .map(row -> StaffSessionSql.toOverview(row, unansweredAfter))
                .one();
    }

    @Override
    public Flux<SessionOverview> overviewsOf(List<UUID> sessionIds) {
        return db.sql(StaffSessionSql.SELECT + " WHERE s.id = ANY(:ids)")
                .bind("ids", sessionIds.toArray(UUID[]::new))
                .map(row -> StaffSessionSql.toOverview(row, unansweredAfter))
                .all();
    }

    @Override
    public Mono<Boolean> agentMaySeeVisitor(UUID agentId, UUID chatUserId) {
        return db.sql(
                        """
                SELECT EXISTS (SELECT 1 FROM chat_sessions s
                                WHERE s.chat_user_id = :chatUser
                                  AND (s.agent_id = :agent OR s.previous_agent_id = :agent
                                       OR s.department_id IN (SELECT department_id FROM user_departments WHERE user_id = :agent)))
                    AS allowed""")
                .bind("chatUser", chatUserId)
                .bind("agent", agentId)
                .map(row -> Sql.flag(row, "allowed"))
                .one();
    }

    @Override
    public Mono<ChatSession> setPriority(UUID sessionId, id.oss.livechat.model.Priority priority) {
        return db.sql(
                        "UPDATE chat_sessions SET priority = :priority WHERE id = :id AND status <> 'closed'"
                                + " RETURNING id")
                .bind("id", sessionId)
                .bind("priority", priority.wire())
                .map(row -> Sql.uuid(row, "id"))
                .one()
                .flatMap(this::findById);
    }

    @Override
    public Mono<Closed> close(UUID sessionId, UUID closedBy, String reason) {
        var spec =
                db.sql(
                                """
                UPDATE chat_sessions s SET status = 'closed', ended_at = now(), close_reason = :reason, closed_by = :by
                  FROM (SELECT id, status AS previous_status FROM chat_sessions WHERE id = :id FOR UPDATE) before
                 WHERE s.id = before.id AND s.status <> 'closed'
                RETURNING s.id, before.previous_status, s.department_id, s.agent_id""")
                        .bind("id", sessionId)
                        .bind("reason", reason);
        spec = bind(spec, "by", closedBy, UUID.class);
        return spec.map(
                        row ->
                                new Closed(
                                        Sql.uuid(row, "id"),
                                        SessionStatus.fromWire(Sql.text(row, "previous_status")),
                                        Sql.uuid(row, "department_id"),
                                        Sql.uuid(row, "agent_id")))
                .one();
    }

    @Override
    public Mono<TransferResult> transferToAgent(UUID sessionId, UUID agentId) {
        return db.sql("SELECT transfer_session_to_agent(:session, :agent) AS result")
                .bind("session", sessionId)
                .bind("agent", agentId)
                .map(
                        row ->
                                switch (Sql.text(row, "result")) {
                                    case "ok" -> TransferResult.OK;
                                    case "no_agent" -> TransferResult.NO_AGENT;
                                    case "agent_full" -> TransferResult.AGENT_FULL;
                                    default -> TransferResult.NOT_ACTIVE;
                                })
                .one();
    }

    @Override
    public Mono<Boolean> transferToDepartment(UUID sessionId, UUID departmentId) {
        return db.sql(
                        """
                UPDATE chat_sessions SET status = 'waiting', previous_agent_id = agent_id, agent_id = NULL,
                                         agent_assigned_at = NULL, agent_answered = false, taken_by_hand = false,
                                         department_id = :dept
                 WHERE id = :id AND status = 'active'""")
                .bind("id", sessionId)
                .bind("dept", departmentId)
                .fetch()
                .rowsUpdated()
                .map(n -> n > 0);
    }

    @Override
    public Flux<Returned> returnChatsOf(UUID agentId) {
        return db.sql(
                        """
                UPDATE chat_sessions SET status = 'waiting', previous_agent_id = agent_id, agent_id = NULL,
                                         agent_assigned_at = NULL, agent_answered = false, taken_by_hand = false
                 WHERE agent_id = :agent AND status = 'active'
                RETURNING id, department_id""")
                .bind("agent", agentId)
                .map(row -> new Returned(Sql.uuid(row, "id"), Sql.uuid(row, "department_id")))
                .all();
    }

    @Override
    public Mono<Void> touchVisitor(UUID sessionId) {
        return db.sql(
                        "UPDATE chat_sessions SET visitor_last_seen_at = now() WHERE id = :id AND status <> 'closed'")
                .bind("id", sessionId)
                .then();
    }

    @Override
    public Mono<Void> touchVisitors(List<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Mono.empty();
        }
        return db.sql(
                        "UPDATE chat_sessions SET visitor_last_seen_at = now() WHERE id = ANY(:ids) AND status <> 'closed'")
                .bind("ids", sessionIds.toArray(UUID[]::new))
                .then();
    }

    @Override
    public Mono<RatingResult> rate(UUID sessionId, int rating, String comment) {
        var spec =
                db.sql(
                                """
                WITH rated AS (
                  UPDATE chat_sessions SET rating = :rating, rating_comment = :comment, rated_at = now()
                   WHERE id = :id AND status = 'closed' AND rating IS NULL
                  RETURNING id)
                SELECT (SELECT count(*) FROM rated) AS rated, s.status, s.rating IS NOT NULL AS had_rating
                  FROM chat_sessions s WHERE s.id = :id""")
                        .bind("id", sessionId)
                        .bind("rating", rating);
        spec = bind(spec, "comment", comment, String.class);
        return spec.map(
                        row ->
                                Sql.number(row, "rated") > 0
                                        ? RatingResult.OK
                                        : Sql.flag(row, "had_rating")
                                                ? RatingResult.ALREADY_RATED
                                                : RatingResult.NOT_CLOSED)
                .one();
    }

    public static ChatSession toSession(Readable row) {
        return new ChatSession(
                Sql.uuid(row, "id"),
                Sql.uuid(row, "chat_user_id"),
                Sql.uuid(row, "agent_id"),
                Sql.uuid(row, "department_id"),
                Sql.text(row, "topic"),
                Sql.text(row, "topic_code"),
                SessionStatus.fromWire(Sql.text(row, "status")),
                Priority.fromWire(Sql.text(row, "priority")),
                Language.fromWire(Sql.text(row, "language")),
                Sql.instant(row, "started_at"),
                Sql.instant(row, "ended_at"),
                Sql.text(row, "close_reason"),
                Sql.number(row, "last_seq"),
                Sql.number(row, "agent_read_seq"),
                Sql.number(row, "visitor_read_seq"));
    }

    private static SessionDetails toDetails(Readable row) {
        ChatSession session = toSession(row);
        DepartmentRef department =
                new DepartmentRef(
                        session.departmentId(),
                        Sql.text(row, "department_code"),
                        Sql.text(row, "department_name"));
        AgentRef agent =
                session.agentId() == null
                        ? null
                        : new AgentRef(session.agentId(), Sql.text(row, "agent_name"));
        String contactName = Sql.text(row, "contact_name");
        Contact contact =
                contactName == null
                        ? null
                        : new Contact(
                                contactName,
                                Sql.text(row, "contact_email"),
                                Sql.text(row, "contact_phone"),
                                Sql.text(row, "position"),
                                Sql.text(row, "company_name"));
        Long lastSeq = Sql.nullableNumber(row, "last_message_seq");
        LastMessage last =
                lastSeq == null
                        ? null
                        : new LastMessage(
                                lastSeq,
                                SenderType.fromWire(Sql.text(row, "last_message_sender_type")),
                                Sql.text(row, "last_message_sender_name"),
                                Sql.text(row, "last_message_body"),
                                Sql.instant(row, "last_message_sent_at"));
        return new SessionDetails(session, department, agent, contact, last);
    }
}
