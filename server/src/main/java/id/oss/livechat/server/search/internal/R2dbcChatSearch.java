package id.oss.livechat.server.search.internal;

import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.search.HitField;
import id.oss.livechat.model.search.SearchHit;
import id.oss.livechat.model.search.SearchResult;
import id.oss.livechat.model.visitor.AgentRef;
import id.oss.livechat.model.visitor.DepartmentRef;
import id.oss.livechat.server.search.Candidate;
import id.oss.livechat.server.search.ChatSearchRepository;
import id.oss.livechat.server.search.SearchCursor;
import id.oss.livechat.server.search.SearchScope;
import id.oss.livechat.server.system.database.Sql;
import io.r2dbc.spi.Readable;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

/**
 * The search in PostgreSQL (migration V31): messages by their stored {@code search_vector}, topics
 * and contacts by expression indexes, all with the 'simple' configuration and every word required
 * ({@code plainto_tsquery}). A contact match weighs most (A), then the topic (B), then a message
 * (D), as {@code ts_rank} weighs them.
 *
 * <p>A window (the newest matching chats) is found one of two ways, whichever reads less: for words
 * that are rare, every match is read through the GIN indexes and the newest chats kept; for words
 * that are everywhere ("izin", "nib"), the newest chats are walked and each checked by its own
 * messages, which ends after a few dozen chats. The planner's statistics ({@code search_estimate})
 * tell which; a walk that finds too few chats in {@link #RECENT_SCAN} of them hands over to reading
 * every match.
 *
 * <p>The walk reads each chat's own rows ({@code OFFSET 0} keeps the planner from it): left to
 * itself, for two words that are each common but rare together, the planner intersects the words'
 * whole GIN posting lists again for every chat walked, seconds instead of milliseconds.
 */
public class R2dbcChatSearch implements ChatSearchRepository {
    /**
     * Up to this many estimated matches, every match is read: about 25 ms for 4,000 on this
     * machine's PostgreSQL, where more would cost more than a walk of the newest chats.
     */
    public static final long EXACT_LIMIT = 4_000;

    /**
     * How many of the newest chats a walk checks at most: enough to fill a window of {@code
     * ChatSearch.WINDOW} chats for words in one chat of twenty. A walk that finds too few hands
     * over to reading every match, which is then cheap, as the words are that rare among recent
     * chats.
     */
    public static final int RECENT_SCAN = 1_000;

    private static final String CONTACT_DOCUMENT =
            "chat_contact_document(c.contact_name, c.contact_email, c.contact_phone, c.company_name)";
    private static final String QUERY = "q AS (SELECT plainto_tsquery('simple', :q) AS query)";

    private static final String EVERY_MATCH =
            """
            WITH %1$s,
            hits AS (
              SELECT m.session_id, 'message' AS field, m.seq, ts_rank(m.search_vector, q.query) AS rank
                FROM q, chat_messages m WHERE m.search_vector @@ q.query
              UNION ALL
              SELECT c.session_id, 'contact', NULL, ts_rank(setweight(%2$s, 'A'), q.query)
                FROM q, chat_session_contacts c WHERE %2$s @@ q.query
              UNION ALL
              SELECT s.id, 'topic', NULL, ts_rank(setweight(to_tsvector('simple', s.topic), 'B'), q.query)
                FROM q, chat_sessions s WHERE to_tsvector('simple', s.topic) @@ q.query),
            best AS (
              SELECT DISTINCT ON (session_id) session_id, field, seq, rank
                FROM hits ORDER BY session_id, rank DESC, seq NULLS FIRST)
            SELECT b.session_id, s.started_at, b.field, b.seq, b.rank
              FROM best b JOIN chat_sessions s ON s.id = b.session_id
             WHERE %3$s
             ORDER BY s.started_at DESC, s.id DESC LIMIT :size""";

    private static final String NEWEST_CHATS =
            """
            WITH %1$s
            SELECT s.id AS session_id, s.started_at, hit.field, hit.seq, hit.rank
              FROM q CROSS JOIN (SELECT s.id, s.started_at, s.topic FROM chat_sessions s WHERE %3$s
                                  ORDER BY s.started_at DESC, s.id DESC LIMIT :scan) s
             CROSS JOIN LATERAL (
               SELECT * FROM (
                 SELECT 'message' AS field, m.seq, ts_rank(m.search_vector, q.query) AS rank
                   FROM (SELECT seq, search_vector FROM chat_messages m
                          WHERE m.session_id = s.id OFFSET 0) m
                  WHERE m.search_vector @@ q.query
                 UNION ALL
                 SELECT 'contact', NULL, ts_rank(setweight(%2$s, 'A'), q.query)
                   FROM (SELECT * FROM chat_session_contacts c WHERE c.session_id = s.id OFFSET 0) c
                  WHERE %2$s @@ q.query
                 UNION ALL
                 SELECT 'topic', NULL, ts_rank(setweight(to_tsvector('simple', s.topic), 'B'), q.query)
                  WHERE to_tsvector('simple', s.topic) @@ q.query) h
               ORDER BY h.rank DESC, h.seq NULLS FIRST LIMIT 1) hit
             ORDER BY s.started_at DESC, s.id DESC LIMIT :size""";

    // the words found are marked with two control characters, taken out of the texts first: the
    // snippet is plain text in parts, never markup
    private static final char START = '\u0002';
    private static final char STOP = '\u0003';
    private static final String MARKERS = "StartSel=" + START + ", StopSel=" + STOP;

    /** A short text is shown whole, the words found marked. */
    private static final String WHOLE = MARKERS + ", HighlightAll=true";

    /** A long one in up to two pieces around the words found. */
    private static final String PIECES =
            MARKERS
                    + ", MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2,"
                    + " FragmentDelimiter=\" … \"";

    /** Texts up to this long are shown whole. */
    static final int WHOLE_UP_TO = 280;

    private static final String DESCRIBE =
            """
            WITH %s,
            page AS (SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:fields AS text[]),
                                          CAST(:seqs AS integer[]), CAST(:ranks AS float8[]))
                                   WITH ORDINALITY AS p(session_id, field, seq, rank, ord))
            SELECT p.field, p.seq, p.rank, s.id, s.status, s.topic, s.topic_code, s.started_at,
                   s.ended_at, d.id AS department_id, d.code AS department_code,
                   d.name AS department_name, u.id AS agent_id, u.display_name AS agent_name,
                   c.contact_name, m.sender_type, m.internal, m.sent_at,
                   ts_headline('simple', t.text, q.query,
                               CASE WHEN char_length(t.text) <= :wholeUpTo THEN :whole ELSE :pieces END)
                       AS snippet
              FROM q, page p
              JOIN chat_sessions s ON s.id = p.session_id
              JOIN departments d ON d.id = s.department_id
              LEFT JOIN users u ON u.id = s.agent_id
              LEFT JOIN chat_session_contacts c ON c.session_id = s.id
              LEFT JOIN chat_messages m ON m.session_id = s.id AND m.seq = p.seq
             CROSS JOIN LATERAL (
               SELECT translate(CASE p.field WHEN 'message' THEN m.body
                                             WHEN 'topic' THEN s.topic
                                             ELSE concat_ws(' · ', c.contact_name, c.contact_email,
                                                            c.contact_phone, c.company_name) END,
                                E'\\x02\\x03', '') AS text) t
             ORDER BY p.ord"""
                    .formatted(QUERY);

    private final DatabaseClient db;
    private final long exactLimit;
    private final int recentScan;

    public R2dbcChatSearch(DatabaseClient db) {
        this(db, EXACT_LIMIT, RECENT_SCAN);
    }

    /** With other thresholds: tests make either way of searching run on a small database. */
    R2dbcChatSearch(DatabaseClient db, long exactLimit, int recentScan) {
        this.db = db;
        this.exactLimit = exactLimit;
        this.recentScan = recentScan;
    }

    @Override
    public Mono<List<Candidate>> window(
            String text, SearchScope scope, SearchCursor edge, int size) {
        return estimate(text)
                .flatMap(
                        estimate ->
                                estimate <= exactLimit
                                        ? everyMatch(text, scope, edge, size)
                                        : newestChats(text, scope, edge, size)
                                                .flatMap(
                                                        found ->
                                                                found.size() < size
                                                                        ? everyMatch(
                                                                                text, scope, edge,
                                                                                size)
                                                                        : Mono.just(found)));
    }

    /** How many rows the words may match at most, by the planner's statistics. */
    private Mono<Long> estimate(String text) {
        return db.sql("SELECT search_estimate(:q) AS estimate")
                .bind("q", text)
                .map(row -> Sql.number(row, "estimate"))
                .one();
    }

    private Mono<List<Candidate>> everyMatch(
            String text, SearchScope scope, SearchCursor edge, int size) {
        String sql = EVERY_MATCH.formatted(QUERY, CONTACT_DOCUMENT, where(scope, edge));
        return candidates(bindScope(db.sql(sql), text, scope, edge).bind("size", size));
    }

    private Mono<List<Candidate>> newestChats(
            String text, SearchScope scope, SearchCursor edge, int size) {
        String sql = NEWEST_CHATS.formatted(QUERY, CONTACT_DOCUMENT, where(scope, edge));
        return candidates(
                bindScope(db.sql(sql), text, scope, edge)
                        .bind("size", size)
                        .bind("scan", recentScan));
    }

    private static Mono<List<Candidate>> candidates(GenericExecuteSpec spec) {
        return spec.map(
                        row ->
                                new Candidate(
                                        Sql.uuid(row, "session_id"),
                                        Sql.instant(row, "started_at"),
                                        field(Sql.text(row, "field")),
                                        Sql.nullableNumber(row, "seq"),
                                        row.get("rank", Number.class).doubleValue()))
                .all()
                .collectList();
    }

    /** The chats a caller may see, in the dates asked for, before the cursor's edge. */
    static String where(SearchScope scope, SearchCursor edge) {
        StringBuilder sql = new StringBuilder("true");
        if (scope.from() != null) {
            sql.append(" AND s.started_at >= :from");
        }
        if (scope.to() != null) {
            sql.append(" AND s.started_at < :to");
        }
        if (!edge.first()) {
            sql.append(" AND s.started_at <= :edgeAt AND (s.started_at, s.id) ")
                    .append(edge.inclusive() ? "<=" : "<")
                    .append(" (:edgeAt, :edgeId)");
        }
        if (scope.departmentId() != null) {
            sql.append(" AND s.department_id = :department");
        }
        if (!scope.everything()) {
            sql.append(" AND (s.department_id = ANY (:visible) OR s.agent_id = :agent)");
        }
        return sql.toString();
    }

    private static GenericExecuteSpec bindScope(
            GenericExecuteSpec spec, String text, SearchScope scope, SearchCursor edge) {
        spec = spec.bind("q", text);
        if (scope.from() != null) {
            spec = spec.bind("from", scope.from());
        }
        if (scope.to() != null) {
            spec = spec.bind("to", scope.to());
        }
        if (!edge.first()) {
            spec = spec.bind("edgeAt", edge.edgeStartedAt()).bind("edgeId", edge.edgeId());
        }
        if (scope.departmentId() != null) {
            spec = spec.bind("department", scope.departmentId());
        }
        if (!scope.everything()) {
            spec =
                    spec.bind("visible", scope.visibleDepartments().toArray(UUID[]::new))
                            .bind("agent", scope.agentId());
        }
        return spec;
    }

    @Override
    public Mono<List<SearchResult>> describe(String text, List<Candidate> page) {
        return db.sql(DESCRIBE)
                .bind("q", text)
                .bind("ids", page.stream().map(Candidate::sessionId).toArray(UUID[]::new))
                .bind("fields", page.stream().map(c -> c.field().wire()).toArray(String[]::new))
                .bind(
                        "seqs",
                        page.stream()
                                .map(c -> c.seq() == null ? null : c.seq().intValue())
                                .toArray(Integer[]::new))
                .bind("ranks", page.stream().map(Candidate::rank).toArray(Double[]::new))
                .bind("whole", WHOLE)
                .bind("pieces", PIECES)
                .bind("wholeUpTo", WHOLE_UP_TO)
                .map(R2dbcChatSearch::toResult)
                .all()
                .collectList();
    }

    private static SearchResult toResult(Readable row) {
        HitField field = field(Sql.text(row, "field"));
        String sender = Sql.text(row, "sender_type");
        SearchHit hit =
                new SearchHit(
                        field,
                        Sql.nullableNumber(row, "seq"),
                        sender == null ? null : SenderType.fromWire(sender),
                        Sql.flag(row, "internal"),
                        Sql.instant(row, "sent_at"),
                        Snippets.parts(Sql.text(row, "snippet"), START, STOP));
        UUID agentId = Sql.uuid(row, "agent_id");
        return new SearchResult(
                Sql.uuid(row, "id"),
                SessionStatus.fromWire(Sql.text(row, "status")),
                Sql.text(row, "topic"),
                Sql.text(row, "topic_code"),
                new DepartmentRef(
                        Sql.uuid(row, "department_id"),
                        Sql.text(row, "department_code"),
                        Sql.text(row, "department_name")),
                agentId == null ? null : new AgentRef(agentId, Sql.text(row, "agent_name")),
                Sql.text(row, "contact_name"),
                Sql.instant(row, "started_at"),
                Sql.instant(row, "ended_at"),
                hit,
                Math.round(row.get("rank", Number.class).doubleValue() * 1e6) / 1e6);
    }

    private static HitField field(String wire) {
        return HitField.valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
