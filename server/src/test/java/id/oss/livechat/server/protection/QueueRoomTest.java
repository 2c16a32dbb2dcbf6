package id.oss.livechat.server.protection;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.EdgeTest;
import id.oss.livechat.server.support.StaffFixture;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A department's queue holds at most {@code MAX_WAITING_PER_DEPARTMENT} (500 by default) waiting
 * chats: one more start is refused with {@code 503 queue_full} and {@code Retry-After}, and leaves
 * nothing behind, not even its visitor; the same visitor still starts a chat elsewhere.
 */
class QueueRoomTest extends EdgeTest {
    private static final int PER_DEPARTMENT = 500;

    @Test
    void aFullQueueRefusesOneMoreStartAndStoresNothingOfIt() {
        StaffFixture staff = new StaffFixture(db, direct());
        UUID full = staff.department();
        fillQueue(full, PER_DEPARTMENT);
        UUID browser = UUID.randomUUID();
        WebTestClient citizen = citizen(freshAddress());

        EntityExchangeResult<String> refused = start(citizen, browser, full);

        assertThat(refused.getStatus().value()).as(refused.getResponseBody()).isEqualTo(503);
        assertThat(refused.getResponseBody()).contains("\"error\":\"queue_full\"");
        assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isEqualTo("60");
        assertThat(waitingIn(full)).isEqualTo(PER_DEPARTMENT);
        assertThat(count("SELECT count(*) FROM chat_users WHERE browser_uuid = '" + browser + "'"))
                .as("the refused visitor is not stored")
                .isZero();

        UUID other = staff.department();
        EntityExchangeResult<String> started = start(citizen, browser, other);
        assertThat(started.getStatus().value()).as(started.getResponseBody()).isEqualTo(201);
        assertThat(waitingIn(other)).isEqualTo(1);
    }

    @Test
    void aQueueWithOnePlaceLeftTakesOneMore() {
        StaffFixture staff = new StaffFixture(db, direct());
        UUID department = staff.department();
        fillQueue(department, PER_DEPARTMENT - 1);

        EntityExchangeResult<String> started =
                start(citizen(freshAddress()), UUID.randomUUID(), department);

        assertThat(started.getStatus().value()).as(started.getResponseBody()).isEqualTo(201);
        assertThat(started.getResponseBody()).contains("\"status\":\"waiting\"");
        assertThat(waitingIn(department)).isEqualTo(PER_DEPARTMENT);
    }

    /** Waiting chats of anonymous visitors, each from an address of its own, stored directly. */
    private void fillQueue(UUID department, int chats) {
        db.sql(
                        """
                WITH visitors AS (
                  INSERT INTO chat_users (browser_uuid, is_anonymous, ip_address)
                  SELECT gen_random_uuid(), true, '192.0.2.' || (n % 250)
                    FROM generate_series(1, :chats) n
                  RETURNING id)
                INSERT INTO chat_sessions (chat_user_id, department_id, topic, visitor_token_hash)
                SELECT id, :department, 'Izin usaha', sha256(convert_to(id::text, 'UTF8'))
                  FROM visitors""")
                .bind("chats", chats)
                .bind("department", department)
                .then()
                .block();
    }

    private long waitingIn(UUID department) {
        return count(
                "SELECT count(*) FROM chat_sessions WHERE status = 'waiting' AND department_id = '"
                        + department
                        + "'");
    }

    private static EntityExchangeResult<String> start(
            WebTestClient client, UUID browser, UUID department) {
        return client.post()
                .uri("/api/oss-chat/start")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of(
                                "browser_uuid", browser.toString(),
                                "topic", "Izin usaha",
                                "department_id", department.toString()))
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }
}
