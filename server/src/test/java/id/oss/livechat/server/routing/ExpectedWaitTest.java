package id.oss.livechat.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.hours.DepartmentOpening;
import id.oss.livechat.server.routing.internal.R2dbcQueueRepository;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.system.database.Sql;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A waiting visitor's expected wait comes from how long the department's chats lasted this week.
 * That average is read once a minute per department, not for every place asked: a minute later the
 * wait follows the chats closed meanwhile.
 */
class ExpectedWaitTest extends ServerTest {

    /** A department whose one online agent has its only slot taken, and who served it. */
    private record BusyDepartment(UUID id, UUID agentId) {}

    /** The first in its queue waits one handle time: one slot, taken. */
    private BusyDepartment busyDepartment() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("online", 1, department);
        insertSession(department, "active", agent.id(), 0);
        return new BusyDepartment(department, agent.id());
    }

    @Test
    void theWaitFollowsHowLongChatsLastedReadAgainAfterAMinute() {
        BusyDepartment busy = busyDepartment();
        UUID department = busy.id();
        insertSession(department, "closed", busy.agentId(), 100);
        UUID waiting = insertSession(department, "waiting", null, 0);
        AtomicLong nanoTime = new AtomicLong();
        QueueStatus status =
                new QueueStatus(
                        new R2dbcQueueRepository(db), DepartmentOpening.ALWAYS, nanoTime::get);

        assertThat(expectedWait(status, waiting)).isEqualTo(100);

        // a chat of 1,900 s closes: the week's average is now 1,000 s
        insertSession(department, "closed", busy.agentId(), 1900);
        nanoTime.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(expectedWait(status, waiting)).as("within the minute").isEqualTo(100);

        nanoTime.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(expectedWait(status, waiting)).as("a minute later").isEqualTo(1000);
    }

    @Test
    void aDepartmentWithNoClosedChatsCountsFiveMinutesAChat() {
        UUID waiting = insertSession(busyDepartment().id(), "waiting", null, 0);

        QueueStatus status =
                new QueueStatus(new R2dbcQueueRepository(db), DepartmentOpening.ALWAYS, () -> 0);

        assertThat(expectedWait(status, waiting)).isEqualTo(300);
    }

    private long expectedWait(QueueStatus status, UUID session) {
        return status.placesOf(java.util.List.of(session))
                .block(Duration.ofSeconds(10))
                .get(session)
                .expectedWaitSeconds();
    }

    /**
     * A session of a new visitor; a closed one was assigned {@code lasted} seconds before it ended.
     */
    private UUID insertSession(UUID department, String status, UUID agent, int lasted) {
        var insert =
                db.sql(
                        """
                WITH visitor AS (INSERT INTO chat_users (browser_uuid) VALUES (gen_random_uuid()) RETURNING id)
                INSERT INTO chat_sessions (chat_user_id, department_id, topic, status, agent_id,
                                           visitor_token_hash, assigned_at, ended_at)
                SELECT id, :dept, 'Antrean', :status, :agent, sha256(convert_to(id::text, 'UTF8')),
                       CASE WHEN :status = 'waiting' THEN NULL ELSE now() - make_interval(secs => :lasted) END,
                       CASE WHEN :status = 'closed' THEN now() END
                  FROM visitor RETURNING id""");
        return Sql.bind(insert, "agent", agent, UUID.class)
                .bind("dept", department)
                .bind("status", status)
                .bind("lasted", lasted)
                .map(row -> row.get(0, UUID.class))
                .one()
                .block();
    }
}
