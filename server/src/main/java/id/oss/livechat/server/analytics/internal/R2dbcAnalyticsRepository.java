package id.oss.livechat.server.analytics.internal;

import static id.oss.livechat.server.system.database.Sql.bind;

import id.oss.livechat.model.analytics.Measures;
import id.oss.livechat.model.analytics.ReportRow;
import id.oss.livechat.server.analytics.AnalyticsRepository;
import id.oss.livechat.server.analytics.GroupBy;
import id.oss.livechat.server.analytics.ReportQuery;
import id.oss.livechat.server.system.database.Sql;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

/**
 * The measures as SQL aggregates over {@code chat_sessions}; docs/API.md defines each. One query
 * per report: totals, or totals per group (every day of the range appears, with zeros). A wait is
 * the time the department was open until the first assignment ({@code open_wait_seconds}, written
 * at that assignment for departments with opening hours), else the plain time to it.
 */
public class R2dbcAnalyticsRepository implements AnalyticsRepository {
    /**
     * A session that ended while waiting in a queue: closing keeps the agent of an active session,
     * and a waiting session never has one, so a closed session without an agent ended waiting,
     * whether it never reached an agent or came back to a queue by a transfer or a requeue. A left
     * message is never abandoned: it was written to be answered later.
     */
    private static final String ENDED_WAITING =
            "s.status = 'closed' AND s.agent_id IS NULL AND s.left_message_at IS NULL";

    private static final String MEASURES =
            """
            count(s.id) AS sessions,
            count(s.id) FILTER (WHERE s.assigned_at IS NOT NULL) AS assigned,
            count(s.id) FILTER (WHERE %1$s) AS abandoned,
            count(s.id) FILTER (WHERE s.assigned_at IS NOT NULL OR (%1$s)) AS decided,
            count(s.id) FILTER (WHERE s.left_message_at IS NOT NULL) AS left_messages,
            avg(coalesce(s.open_wait_seconds, extract(epoch FROM s.assigned_at - s.started_at)))
                FILTER (WHERE s.assigned_at IS NOT NULL AND s.left_message_at IS NULL) AS avg_wait,
            avg(extract(epoch FROM s.first_response_at - s.assigned_at))
                FILTER (WHERE s.first_response_at IS NOT NULL AND s.assigned_at IS NOT NULL) AS avg_first_response,
            avg(extract(epoch FROM s.ended_at - s.started_at)) FILTER (WHERE s.ended_at IS NOT NULL) AS avg_duration,
            count(DISTINCT s.agent_id) FILTER (WHERE s.assigned_at IS NOT NULL) AS agents,
            count(s.rating) AS rated,
            avg(s.rating) AS avg_rating
            """
                    .formatted(ENDED_WAITING);
    private static final String FILTERS =
            " AND (CAST(:dept AS uuid) IS NULL OR s.department_id = :dept)"
                    + " AND (CAST(:agent AS uuid) IS NULL OR s.agent_id = :agent)"
                    + " AND (CAST(:tag AS text) IS NULL OR EXISTS (SELECT 1 FROM session_tags ft"
                    + " JOIN tags fg ON fg.id = ft.tag_id WHERE ft.session_id = s.id AND fg.code = :tag))"
                    + " AND (CAST(:closeReason AS text) IS NULL OR s.close_reason_code = :closeReason)";

    private final DatabaseClient db;

    public R2dbcAnalyticsRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Measures> totals(ReportQuery query) {
        String sql =
                "SELECT "
                        + MEASURES
                        + " FROM chat_sessions s WHERE s.started_at >= :from AND s.started_at < :to"
                        + FILTERS;
        return filtered(db.sql(sql), query).map(R2dbcAnalyticsRepository::measures).one();
    }

    @Override
    public Mono<List<ReportRow>> rows(ReportQuery query) {
        String sql =
                switch (query.groupBy()) {
                    case DAY ->
                            """
                    SELECT days.day::date::text AS key, days.day::date::text AS label, %s
                      FROM generate_series(CAST(:fromDay AS date), CAST(:toDay AS date), interval '1 day') AS days(day)
                      LEFT JOIN chat_sessions s ON s.started_at >= :from AND s.started_at < :to
                             AND (s.started_at AT TIME ZONE :zone)::date = days.day::date %s
                     GROUP BY days.day ORDER BY days.day"""
                                    .formatted(MEASURES, FILTERS);
                    // the 24 hours of the day's clock; a repeated hour (daylight saving) is one
                    case HOUR ->
                            """
                    SELECT to_char(hours.hour, 'YYYY-MM-DD"T"HH24:MI') AS key, to_char(hours.hour, 'HH24:MI') AS label, %s
                      FROM generate_series(CAST(:fromDay AS date)::timestamp,
                                           CAST(:fromDay AS date)::timestamp + interval '23 hours',
                                           interval '1 hour') AS hours(hour)
                      LEFT JOIN chat_sessions s ON s.started_at >= :from AND s.started_at < :to
                             AND date_trunc('hour', s.started_at AT TIME ZONE :zone) = hours.hour %s
                     GROUP BY hours.hour ORDER BY hours.hour"""
                                    .formatted(MEASURES, FILTERS);
                    case DEPARTMENT ->
                            """
                    SELECT d.id::text AS key, d.name AS label, %s
                      FROM chat_sessions s JOIN departments d ON d.id = s.department_id
                     WHERE s.started_at >= :from AND s.started_at < :to %s
                     GROUP BY d.id, d.name ORDER BY d.name"""
                                    .formatted(MEASURES, FILTERS);
                    case AGENT ->
                            """
                    SELECT coalesce(u.id::text, 'none') AS key, coalesce(u.display_name, '(no agent)') AS label, %s
                      FROM chat_sessions s LEFT JOIN users u ON u.id = s.agent_id
                     WHERE s.started_at >= :from AND s.started_at < :to %s
                     GROUP BY u.id, u.display_name ORDER BY u.display_name NULLS LAST"""
                                    .formatted(MEASURES, FILTERS);
                    case OSS_USER ->
                            """
                    SELECT coalesce(cu.oss_user_id, 'anonymous') AS key,
                           coalesce(cu.oss_user_id || coalesce(' <' || cu.email || '>', ''), 'anonymous') AS label, %s
                      FROM chat_sessions s JOIN chat_users cu ON cu.id = s.chat_user_id
                     WHERE s.started_at >= :from AND s.started_at < :to %s
                     GROUP BY cu.oss_user_id, cu.email ORDER BY cu.oss_user_id NULLS LAST"""
                                    .formatted(MEASURES, FILTERS);
                    // a chat counts once under each of its tags
                    case TAG ->
                            """
                    SELECT coalesce(t.code, 'none') AS key, coalesce(t.label_id, '(no tag)') AS label, %s
                      FROM chat_sessions s LEFT JOIN session_tags st ON st.session_id = s.id
                      LEFT JOIN tags t ON t.id = st.tag_id
                     WHERE s.started_at >= :from AND s.started_at < :to %s
                     GROUP BY t.code, t.label_id ORDER BY t.label_id NULLS LAST"""
                                    .formatted(MEASURES, FILTERS);
                    case CLOSE_REASON ->
                            """
                    SELECT coalesce(r.code, 'none') AS key, coalesce(r.label_id, '(no close reason)') AS label, %s
                      FROM chat_sessions s LEFT JOIN close_reasons r ON r.code = s.close_reason_code
                     WHERE s.started_at >= :from AND s.started_at < :to %s
                     GROUP BY r.code, r.label_id ORDER BY r.label_id NULLS LAST"""
                                    .formatted(MEASURES, FILTERS);
                    // the citizen's case, verified only: an unsigned one could say anything
                    case LICENCE_TYPE -> byCase("licence_type");
                    case PROVINCE -> byCase("province");
                };
        GenericExecuteSpec spec = filtered(db.sql(sql), query);
        LocalDate fromDay = query.from().atZone(query.zone()).toLocalDate();
        if (query.groupBy() == GroupBy.DAY) {
            LocalDate toDay = query.to().atZone(query.zone()).toLocalDate().minusDays(1);
            spec =
                    spec.bind("fromDay", fromDay)
                            .bind("toDay", toDay)
                            .bind("zone", query.zone().getId());
        } else if (query.groupBy() == GroupBy.HOUR) {
            spec = spec.bind("fromDay", fromDay).bind("zone", query.zone().getId());
        }
        return spec.map(
                        row ->
                                new ReportRow(
                                        Sql.text(row, "key"),
                                        Sql.text(row, "label"),
                                        measures(row)))
                .all()
                .collectList();
    }

    private static String byCase(String column) {
        return """
                SELECT coalesce(sc.%1$s, 'none') AS key, coalesce(sc.%1$s, '(no verified case)') AS label, %2$s
                  FROM chat_sessions s LEFT JOIN session_contexts sc ON sc.session_id = s.id AND sc.verified
                 WHERE s.started_at >= :from AND s.started_at < :to %3$s
                 GROUP BY sc.%1$s ORDER BY sc.%1$s NULLS LAST"""
                .formatted(column, MEASURES, FILTERS);
    }

    private static GenericExecuteSpec filtered(GenericExecuteSpec spec, ReportQuery query) {
        spec = spec.bind("from", query.from()).bind("to", query.to());
        spec = bind(spec, "dept", query.departmentId(), UUID.class);
        spec = bind(spec, "agent", query.agentId(), UUID.class);
        spec = bind(spec, "tag", query.tagCode(), String.class);
        return bind(spec, "closeReason", query.closeReasonCode(), String.class);
    }

    @Override
    public Mono<Live> live(UUID departmentId) {
        var spec =
                db.sql(
                        """
                SELECT w.waiting, w.left_waiting, w.oldest, a.active, o.online
                  FROM (SELECT count(*) AS waiting,
                               count(*) FILTER (WHERE s.left_message_at IS NOT NULL) AS left_waiting,
                               min(s.started_at) FILTER (WHERE s.left_message_at IS NULL) AS oldest
                          FROM chat_sessions s WHERE s.status = 'waiting'
                           AND (CAST(:dept AS uuid) IS NULL OR s.department_id = :dept)) w,
                       (SELECT count(*) AS active FROM chat_sessions s WHERE s.status = 'active'
                           AND (CAST(:dept AS uuid) IS NULL OR s.department_id = :dept)) a,
                       -- who answers the queue: agents; supervisors and admins take chats by choice
                       (SELECT count(*) AS online FROM users u WHERE u.active AND u.status = 'online' AND u.role = 'agent'
                           AND (CAST(:dept AS uuid) IS NULL OR EXISTS (SELECT 1 FROM user_departments ud
                                WHERE ud.user_id = u.id AND ud.department_id = :dept))) o""");
        return bind(spec, "dept", departmentId, UUID.class)
                .map(
                        row ->
                                new Live(
                                        Sql.number(row, "waiting"),
                                        Sql.number(row, "left_waiting"),
                                        Sql.instant(row, "oldest"),
                                        Sql.number(row, "active"),
                                        Sql.number(row, "online")))
                .one();
    }

    @Override
    public Mono<Boolean> departmentExists(UUID departmentId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM departments WHERE id = :id) AS found")
                .bind("id", departmentId)
                .map(row -> Sql.flag(row, "found"))
                .one();
    }

    @Override
    public Mono<Boolean> agentExists(UUID agentId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM users WHERE id = :id) AS found")
                .bind("id", agentId)
                .map(row -> Sql.flag(row, "found"))
                .one();
    }

    @Override
    public Mono<Boolean> tagExists(String code) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM tags WHERE code = :code) AS found")
                .bind("code", code)
                .map(row -> Sql.flag(row, "found"))
                .one();
    }

    @Override
    public Mono<Boolean> closeReasonExists(String code) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM close_reasons WHERE code = :code) AS found")
                .bind("code", code)
                .map(row -> Sql.flag(row, "found"))
                .one();
    }

    private static Measures measures(Readable row) {
        long assigned = Sql.number(row, "assigned");
        long abandoned = Sql.number(row, "abandoned");
        // a session abandoned after a transfer had reached an agent too: count its fate once
        long decided = Sql.number(row, "decided");
        long agents = Sql.number(row, "agents");
        return new Measures(
                Sql.number(row, "sessions"),
                assigned,
                abandoned,
                decided == 0 ? null : round((double) abandoned / decided, 4),
                Sql.number(row, "left_messages"),
                decimal(row, "avg_wait"),
                decimal(row, "avg_first_response"),
                decimal(row, "avg_duration"),
                agents,
                agents == 0 ? null : round((double) assigned / agents, 2),
                Sql.number(row, "rated"),
                decimal(row, "avg_rating"));
    }

    private static Double decimal(Readable row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? null : round(value.doubleValue(), 3);
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
