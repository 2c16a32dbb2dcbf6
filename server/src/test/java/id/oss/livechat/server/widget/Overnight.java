package id.oss.livechat.server.widget;

import static org.awaitility.Awaitility.await;

import id.oss.livechat.server.routing.SessionTimeouts;
import java.time.Duration;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The night after a visitor left a message and closed the portal. The clock is the database's: the
 * visitor's last sign of life moves back twelve hours and the queue's housekeeping runs, as its
 * timer would. The server notes a last sign of life when the closed tab's socket goes, so the clock
 * is moved back until the housekeeping finds the visitor gone, which is once that happened.
 */
final class Overnight {
    private final DatabaseClient db;
    private final SessionTimeouts timeouts;

    Overnight(DatabaseClient db, SessionTimeouts timeouts) {
        this.db = db;
        this.timeouts = timeouts;
    }

    void passesFor(String sessionId) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            db.sql(
                                            "UPDATE chat_sessions SET visitor_last_seen_at ="
                                                    + " now() - interval '12 hours' WHERE id = :id")
                                    .bind("id", UUID.fromString(sessionId))
                                    .then()
                                    .block();
                            timeouts.sweep().block(Duration.ofSeconds(30));
                            return isLeftMessage(sessionId);
                        });
    }

    private boolean isLeftMessage(String sessionId) {
        return Boolean.TRUE.equals(
                db.sql("SELECT left_message_at IS NOT NULL FROM chat_sessions WHERE id = :id")
                        .bind("id", UUID.fromString(sessionId))
                        .map(row -> row.get(0, Boolean.class))
                        .one()
                        .block());
    }
}
