package id.oss.livechat.server.widget;

import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The department the demo portal's widget serves ({@code data-department="perizinan"}), staffed as
 * a test needs it. Whether anyone is online there decides what the pre-chat form asks for (no one:
 * leave a message, which is then required), so every widget test says which it wants instead of
 * inheriting whatever the tests before it left behind in the shared server.
 */
final class PortalDepartment {
    static final String CODE = "perizinan";

    private final DatabaseClient db;
    private final WebTestClient http;
    private final UUID id;

    PortalDepartment(DatabaseClient db, WebTestClient http) {
        this.db = db;
        this.http = http;
        this.id =
                db.sql("SELECT id FROM departments WHERE code = :c")
                        .bind("c", CODE)
                        .map(row -> row.get(0, UUID.class))
                        .one()
                        .block();
    }

    UUID id() {
        return id;
    }

    /**
     * Nobody of the department is online (demo mode's own state): the widget offers to leave a
     * message. Chats of earlier tests still waiting there are ended, so queue places start at 1.
     */
    PortalDepartment nobodyOnline() {
        db.sql(
                        "UPDATE users SET status = 'offline', status_changed_at = now()"
                                + " WHERE status <> 'offline' AND id IN"
                                + " (SELECT user_id FROM user_departments WHERE department_id = :d)")
                .bind("d", id)
                .then()
                .block();
        db.sql(
                        "UPDATE chat_sessions SET status = 'closed', ended_at = now(),"
                                + " close_reason = 'test over' WHERE status = 'waiting'"
                                + " AND department_id = :d")
                .bind("d", id)
                .then()
                .block();
        return this;
    }

    /**
     * One agent of the department is online and serving another visitor, at its limit: the widget
     * offers to start a chat, and a new chat waits in the queue with an expected wait (no routing
     * takes it away while the test looks at it).
     */
    PortalDepartment oneAgentOnlineAndBusy() {
        nobodyOnline();
        StaffFixture.Member agent = new StaffFixture(db, http).agent("offline", 1, id);
        Visitor.Session busy = new Visitor(http).start("Sedang dilayani");
        db.sql(
                        "UPDATE chat_sessions SET department_id = :d, status = 'active', agent_id = :a,"
                                + " assigned_at = now(), agent_assigned_at = now(),"
                                + " agent_answered = true WHERE id = :s")
                .bind("d", id)
                .bind("a", agent.id())
                .bind("s", UUID.fromString(busy.id()))
                .then()
                .block();
        db.sql("UPDATE users SET status = 'online', status_changed_at = now() WHERE id = :a")
                .bind("a", agent.id())
                .then()
                .block();
        return this;
    }

    /** What the tests leave behind: nobody online, no one waiting, no chat still going there. */
    void reset() {
        nobodyOnline();
        db.sql(
                        "UPDATE chat_sessions SET status = 'closed', ended_at = now(),"
                                + " close_reason = 'test over' WHERE status = 'active'"
                                + " AND department_id = :d")
                .bind("d", id)
                .then()
                .block();
    }
}
