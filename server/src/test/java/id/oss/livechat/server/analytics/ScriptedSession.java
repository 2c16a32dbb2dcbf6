package id.oss.livechat.server.analytics;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * One session of a scripted day, written straight into {@code chat_sessions} in the state the
 * server leaves it in: the times are seconds after its start, so every figure can be computed by
 * hand. A session that ended while waiting has no agent ({@code agent(null)}), as a waiting session
 * never has one; {@code previousAgent} is who had it before a transfer or a requeue.
 */
final class ScriptedSession {
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UUID department;
    private final Instant start;
    private String status = "closed";
    private UUID agent;
    private UUID previousAgent;
    private Integer assignedAfter;
    private Integer answeredAfter;
    private Integer endedAfter;
    private Integer leftMessageAfter;
    private String closeReason;

    private ScriptedSession(UUID department, Instant start) {
        this.department = department;
        this.start = start;
    }

    /** Started at a Jakarta wall-clock time, e.g. {@code 2025-03-12T09:00:00}. */
    static ScriptedSession at(UUID department, String localStart) {
        return new ScriptedSession(
                department, LocalDateTime.parse(localStart).atZone(JAKARTA).toInstant());
    }

    static ScriptedSession at(UUID department, Instant start) {
        return new ScriptedSession(department, start);
    }

    ScriptedSession waiting() {
        status = "waiting";
        return this;
    }

    ScriptedSession active() {
        status = "active";
        return this;
    }

    ScriptedSession agent(UUID agent) {
        this.agent = agent;
        return this;
    }

    ScriptedSession previousAgent(UUID agent) {
        this.previousAgent = agent;
        return this;
    }

    ScriptedSession assignedAfter(int seconds) {
        assignedAfter = seconds;
        return this;
    }

    ScriptedSession answeredAfter(int seconds) {
        answeredAfter = seconds;
        return this;
    }

    ScriptedSession leftMessageAfter(int seconds) {
        leftMessageAfter = seconds;
        return this;
    }

    ScriptedSession endedAfter(int seconds, String reason) {
        endedAfter = seconds;
        closeReason = reason;
        return this;
    }

    Instant start() {
        return start;
    }

    void insert(DatabaseClient db) {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        UUID visitor =
                db.sql(
                                "INSERT INTO chat_users (browser_uuid) VALUES (gen_random_uuid()) RETURNING id")
                        .map(row -> row.get(0, UUID.class))
                        .one()
                        .block();
        var spec =
                db.sql(
                                """
                INSERT INTO chat_sessions (chat_user_id, department_id, agent_id, previous_agent_id, topic, status,
                                           started_at, queued_at, assigned_at, first_response_at, ended_at,
                                           close_reason, left_message_at, visitor_token_hash)
                VALUES (:visitor, :dept, :agent, :previous, 'Skenario', :status, :start, :start, :assigned,
                        :answered, :ended, :reason, :left, :token)""")
                        .bind("visitor", visitor)
                        .bind("dept", department)
                        .bind("status", status)
                        .bind("start", start)
                        .bind("token", ByteBuffer.wrap(token));
        spec = nullable(spec, "agent", agent, UUID.class);
        spec = nullable(spec, "previous", previousAgent, UUID.class);
        spec = nullable(spec, "assigned", plus(assignedAfter), Instant.class);
        spec = nullable(spec, "answered", plus(answeredAfter), Instant.class);
        spec = nullable(spec, "ended", plus(endedAfter), Instant.class);
        spec = nullable(spec, "reason", closeReason, String.class);
        spec = nullable(spec, "left", plus(leftMessageAfter), Instant.class);
        spec.then().block();
    }

    private Instant plus(Integer seconds) {
        return seconds == null ? null : start.plusSeconds(seconds);
    }

    private static <T> DatabaseClient.GenericExecuteSpec nullable(
            DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
