package id.oss.livechat.server.routing.internal;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.server.common.Transactions;
import id.oss.livechat.server.routing.ClaimResult;
import id.oss.livechat.server.routing.RoutingPolicy;
import id.oss.livechat.server.routing.RoutingRepository;
import id.oss.livechat.server.system.database.Sql;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Routing's reads and writes; the claims themselves are the {@code claim_session} and {@code
 * claim_sessions} SQL functions.
 *
 * <p>Each claim runs in a transaction of its own and answers only once that has committed. On its
 * own, a statement's rows reach the driver before the commit that follows them, so the assignment
 * could be announced while another node still read the chat as waiting and showed it so.
 */
public class R2dbcRoutingRepository implements RoutingRepository {
    private final DatabaseClient db;
    private final Transactions transactions;

    public R2dbcRoutingRepository(DatabaseClient db, Transactions transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    @Override
    public Flux<RoutingPolicy.Waiting> waiting(UUID departmentId, int limit) {
        return db.sql(
                        """
                SELECT id, department_id, priority_rank, queued_at, previous_agent_id FROM chat_sessions
                 WHERE status = 'waiting' AND department_id = :dept
                 ORDER BY priority_rank, queued_at, id LIMIT :limit""")
                .bind("dept", departmentId)
                .bind("limit", limit)
                .map(
                        row ->
                                new RoutingPolicy.Waiting(
                                        Sql.uuid(row, "id"),
                                        Sql.uuid(row, "department_id"),
                                        (int) Sql.number(row, "priority_rank"),
                                        Sql.instant(row, "queued_at"),
                                        Sql.uuid(row, "previous_agent_id")))
                .all();
    }

    @Override
    public Flux<RoutingPolicy.Candidate> candidates(UUID departmentId) {
        return db.sql(
                        """
                SELECT u.id, u.max_chats, u.last_assigned_at,
                       (SELECT count(*) FROM chat_sessions s WHERE s.agent_id = u.id AND s.status = 'active') AS load
                  FROM users u JOIN user_departments ud ON ud.user_id = u.id AND ud.department_id = :dept
                 WHERE u.active AND u.status = 'online' AND u.role = 'agent'""")
                .bind("dept", departmentId)
                .map(
                        row ->
                                new RoutingPolicy.Candidate(
                                        Sql.uuid(row, "id"),
                                        (int) Sql.number(row, "load"),
                                        (int) Sql.number(row, "max_chats"),
                                        Sql.instant(row, "last_assigned_at")))
                .all();
    }

    @Override
    public Mono<ClaimResult> claim(UUID sessionId, UUID agentId, boolean byHand) {
        return afterCommit(
                () ->
                        db.sql("SELECT claim_session(:session, :agent, :byHand) AS result")
                                .bind("session", sessionId)
                                .bind("agent", agentId)
                                .bind("byHand", byHand)
                                .map(row -> ClaimResult.fromDatabase(Sql.text(row, "result")))
                                .one());
    }

    @Override
    public Flux<Claimed> claimAll(List<RoutingPolicy.Assignment> plan) {
        if (plan.isEmpty()) {
            return Flux.empty();
        }
        Map<UUID, UUID> agentOf = new HashMap<>();
        plan.forEach(a -> agentOf.put(a.sessionId(), a.agentId()));
        return afterCommit(
                        () ->
                                db.sql(
                                                "SELECT session_id, result FROM claim_sessions(:sessions, :agents)")
                                        .bind(
                                                "sessions",
                                                plan.stream()
                                                        .map(RoutingPolicy.Assignment::sessionId)
                                                        .toArray(UUID[]::new))
                                        .bind(
                                                "agents",
                                                plan.stream()
                                                        .map(RoutingPolicy.Assignment::agentId)
                                                        .toArray(UUID[]::new))
                                        .map(
                                                row -> {
                                                    UUID session = Sql.uuid(row, "session_id");
                                                    return new Claimed(
                                                            session,
                                                            agentOf.get(session),
                                                            ClaimResult.fromDatabase(
                                                                    Sql.text(row, "result")));
                                                })
                                        .all()
                                        .collectList())
                .flatMapIterable(claims -> claims);
    }

    /**
     * The work's value once its transaction has committed: a transaction hands on its value as soon
     * as it has it and only completes after the commit, so the value is held until then.
     */
    private <T> Mono<T> afterCommit(java.util.function.Supplier<Mono<T>> work) {
        return transactions
                .inTransaction(work)
                .flux()
                .collectList()
                .flatMap(values -> values.isEmpty() ? Mono.empty() : Mono.just(values.get(0)));
    }

    @Override
    public Flux<UUID> departmentsWithWaiting() {
        return db.sql("SELECT DISTINCT department_id FROM chat_sessions WHERE status = 'waiting'")
                .map(row -> Sql.uuid(row, "department_id"))
                .all();
    }

    @Override
    public Flux<UUID> departmentsOf(UUID agentId) {
        return db.sql("SELECT department_id FROM user_departments WHERE user_id = :agent")
                .bind("agent", agentId)
                .map(row -> Sql.uuid(row, "department_id"))
                .all();
    }

    @Override
    public Mono<SessionState> sessionState(UUID sessionId) {
        return db.sql(
                        "SELECT id, status, department_id, agent_id, previous_agent_id, queued_at FROM chat_sessions WHERE id = :id")
                .bind("id", sessionId)
                .map(
                        row ->
                                new SessionState(
                                        Sql.uuid(row, "id"),
                                        SessionStatus.fromWire(Sql.text(row, "status")),
                                        Sql.uuid(row, "department_id"),
                                        Sql.uuid(row, "agent_id"),
                                        Sql.uuid(row, "previous_agent_id"),
                                        Sql.instant(row, "queued_at")))
                .one();
    }

    @Override
    public Flux<Requeued> requeueUnanswered(Duration after) {
        return db.sql(
                        """
                UPDATE chat_sessions s SET status = 'waiting', previous_agent_id = agent_id, agent_id = NULL,
                                           agent_assigned_at = NULL, taken_by_hand = false
                 WHERE status = 'active' AND NOT agent_answered
                   AND agent_assigned_at < now() - make_interval(secs => :seconds)
                   AND (NOT taken_by_hand
                        OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = s.agent_id AND u.status = 'online'))
                RETURNING id, department_id, previous_agent_id""")
                .bind("seconds", (double) after.toSeconds())
                .map(
                        row ->
                                new Requeued(
                                        Sql.uuid(row, "id"),
                                        Sql.uuid(row, "department_id"),
                                        Sql.uuid(row, "previous_agent_id")))
                .all();
    }

    @Override
    public Flux<Abandoned> closeAbandoned(Duration after) {
        return db.sql(
                        """
                UPDATE chat_sessions s SET status = 'closed', ended_at = now(), close_reason = 'abandoned'
                 WHERE s.status = 'waiting' AND s.visitor_last_seen_at < now() - make_interval(secs => :seconds)
                   AND NOT EXISTS (SELECT 1 FROM chat_messages m
                                    WHERE m.session_id = s.id AND m.sender_type = 'visitor')
                RETURNING s.id, s.department_id""")
                .bind("seconds", (double) after.toSeconds())
                .map(row -> new Abandoned(Sql.uuid(row, "id"), Sql.uuid(row, "department_id")))
                .all();
    }

    @Override
    public Flux<LeftMessage> markLeftMessages(Duration after) {
        // left_message_at is when the visitor was last seen: when they went away
        return db.sql(
                        """
                UPDATE chat_sessions s SET left_message_at = s.visitor_last_seen_at
                 WHERE s.status = 'waiting' AND s.left_message_at IS NULL
                   AND s.visitor_last_seen_at < now() - make_interval(secs => :seconds)
                   AND EXISTS (SELECT 1 FROM chat_messages m
                                WHERE m.session_id = s.id AND m.sender_type = 'visitor')
                RETURNING s.id, s.department_id""")
                .bind("seconds", (double) after.toSeconds())
                .map(row -> new LeftMessage(Sql.uuid(row, "id"), Sql.uuid(row, "department_id")))
                .all();
    }
}
