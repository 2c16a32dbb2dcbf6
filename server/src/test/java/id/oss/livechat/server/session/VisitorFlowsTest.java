package id.oss.livechat.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.Visitor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The visitor's three flows (anonymous chat, logged-in chat, anonymous then logging in), end to end
 * over HTTP on real PostgreSQL.
 */
class VisitorFlowsTest extends ServerTest {

    @Test
    void anonymousVisitorStartsAChatGivesContactAndFindsItInHistory() {
        Visitor visitor = new Visitor(http);
        Visitor.Session session = visitor.start("Pertanyaan tentang izin usaha");

        assertThat(session.body())
                .containsEntry("status", "waiting")
                .containsEntry("requires_contact", true)
                .containsEntry("is_anonymous", true)
                .containsEntry("topic", "Pertanyaan tentang izin usaha")
                .containsEntry("priority", "normal");
        assertThat(session.token()).startsWith("vt_");
        assertThat((Integer) session.body().get("queue_position")).isPositive();

        visitor.contact(session, Visitor.johnDoe())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.requires_contact")
                .isEqualTo(false)
                .jsonPath("$.contact_email")
                .isEqualTo("john@company.com");

        http.get()
                .uri("/api/oss-chat/session/{id}", session.id())
                .headers(h -> h.setBearerAuth(session.token()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.session_id")
                .isEqualTo(session.id())
                .jsonPath("$.status")
                .isEqualTo("waiting")
                .jsonPath("$.requires_contact")
                .isEqualTo(false)
                .jsonPath("$.contact.contact_name")
                .isEqualTo("John Doe")
                .jsonPath("$.contact.company_name")
                .isEqualTo("PT. Example")
                .jsonPath("$.agent")
                .isEmpty()
                .jsonPath("$.queue_position")
                .isNumber();

        http.get()
                .uri("/api/oss-chat/history?browser_uuid={b}&limit=20", visitor.browserUuid)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sessions.length()")
                .isEqualTo(1)
                .jsonPath("$.sessions[0].session_id")
                .isEqualTo(session.id())
                .jsonPath("$.sessions[0].contact.contact_name")
                .isEqualTo("John Doe")
                .jsonPath("$.has_more")
                .isEqualTo(false);
    }

    @Test
    void loggedInVisitorStartsWithAProvenOssIdentity() {
        String ossUserId = "OSS-" + UUID.randomUUID();
        Visitor visitor = new Visitor(http);
        Visitor.Session session =
                visitor.start(
                        Map.of(
                                "oss_user_id", ossUserId,
                                "email", "budi@example.co.id",
                                "identity_hash", identityHash(ossUserId),
                                "topic", "Status NIB saya",
                                "priority", "high"));

        assertThat(session.body())
                .containsEntry("is_anonymous", false)
                .containsEntry("priority", "high")
                .containsEntry("requires_contact", true);
        visitor.contact(session, Visitor.johnDoe()).expectStatus().isOk();

        http.get()
                .uri(
                        "/api/oss-chat/history?oss_user_id={u}&identity_hash={h}",
                        ossUserId,
                        identityHash(ossUserId))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sessions.length()")
                .isEqualTo(1)
                .jsonPath("$.sessions[0].session_id")
                .isEqualTo(session.id())
                .jsonPath("$.sessions[0].topic")
                .isEqualTo("Status NIB saya");
        assertThat(count("SELECT count(*) FROM chat_users WHERE oss_user_id = '" + ossUserId + "'"))
                .isEqualTo(1);
        assertThat(
                        db.sql("SELECT email FROM chat_users WHERE oss_user_id = :u")
                                .bind("u", ossUserId)
                                .map(row -> row.get(0, String.class))
                                .one()
                                .block())
                .isEqualTo("budi@example.co.id");
    }

    @Test
    void afterLoginTheAnonymousSessionsAppearInTheOssUsersHistory() {
        String ossUserId = "OSS-" + UUID.randomUUID();
        Visitor visitor = new Visitor(http);
        Visitor.Session first = visitor.start("Cara mengurus NIB");
        Visitor.Session second = visitor.start("Perubahan data perusahaan");
        Visitor.Session loggedInBefore =
                new Visitor(http)
                        .start(
                                Map.of(
                                        "oss_user_id",
                                        ossUserId,
                                        "identity_hash",
                                        identityHash(ossUserId),
                                        "topic",
                                        "Dari perangkat lain"));

        http.post()
                .uri("/api/oss-chat/link-user")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of(
                                "browser_uuid",
                                visitor.browserUuid.toString(),
                                "oss_user_id",
                                ossUserId,
                                "email",
                                "siti@example.co.id",
                                "identity_hash",
                                identityHash(ossUserId)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sessions_moved")
                .isEqualTo(2)
                .jsonPath("$.oss_user_id")
                .isEqualTo(ossUserId)
                .jsonPath("$.is_anonymous")
                .isEqualTo(false)
                .jsonPath("$.chat_user_id")
                .isEqualTo(loggedInBefore.body().get("chat_user_id"));

        List<String> history =
                historyIds(
                        "oss_user_id=" + ossUserId + "&identity_hash=" + identityHash(ossUserId));
        assertThat(history).containsExactly(loggedInBefore.id(), second.id(), first.id());
        // the browser's anonymous history now belongs to the account, not to whoever uses the
        // browser next
        assertThat(historyIds("browser_uuid=" + visitor.browserUuid)).isEmpty();
        // the visitor keeps talking in a linked session with the token it already has
        http.get()
                .uri("/api/oss-chat/session/{id}", first.id())
                .headers(h -> h.setBearerAuth(first.token()))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void linkingTwiceMovesNothingTheSecondTime() {
        String ossUserId = "OSS-" + UUID.randomUUID();
        Visitor visitor = new Visitor(http);
        visitor.start("Satu");
        Map<String, String> link =
                Map.of(
                        "browser_uuid", visitor.browserUuid.toString(),
                        "oss_user_id", ossUserId,
                        "identity_hash", identityHash(ossUserId));
        for (int expectedMoved : new int[] {1, 0}) {
            http.post()
                    .uri("/api/oss-chat/link-user")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(link)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.sessions_moved")
                    .isEqualTo(expectedMoved);
        }
    }

    @Test
    void aLoggedInStartWithTheBrowserTakesTheBrowsersChatsAlong() {
        String ossUserId = "OSS-" + UUID.randomUUID();
        Visitor visitor = new Visitor(http);
        Visitor.Session anonymous = visitor.start("Sebelum login");
        Visitor.Session loggedIn =
                visitor.start(
                        Map.of(
                                "browser_uuid",
                                visitor.browserUuid.toString(),
                                "oss_user_id",
                                ossUserId,
                                "identity_hash",
                                identityHash(ossUserId),
                                "topic",
                                "Sesudah login"));

        assertThat(
                        historyIds(
                                "oss_user_id="
                                        + ossUserId
                                        + "&identity_hash="
                                        + identityHash(ossUserId)))
                .containsExactly(loggedIn.id(), anonymous.id());
    }

    @Test
    void historyPagesNewestFirstWithACursorAndFilters() {
        Visitor visitor = new Visitor(http);
        List<String> started = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(visitor.start("Topik " + i).id());
        }
        // spread the sessions over five known days, and close the two oldest
        for (int i = 0; i < 5; i++) {
            db.sql("UPDATE chat_sessions SET started_at = :t, queued_at = :t WHERE id = :id")
                    .bind("t", java.time.Instant.parse("2026-11-2" + i + "T08:00:00Z"))
                    .bind("id", UUID.fromString(started.get(i)))
                    .then()
                    .block();
        }
        db.sql("UPDATE chat_sessions SET status = 'closed', ended_at = now() WHERE id IN (:a, :b)")
                .bind("a", UUID.fromString(started.get(0)))
                .bind("b", UUID.fromString(started.get(1)))
                .then()
                .block();
        String who = "browser_uuid=" + visitor.browserUuid;

        Map<?, ?> page1 = history(who + "&limit=2");
        assertThat(ids(page1)).containsExactly(started.get(4), started.get(3));
        assertThat(page1.get("has_more")).isEqualTo(true);
        Map<?, ?> page2 = history(who + "&limit=2&cursor=" + page1.get("next_cursor"));
        assertThat(ids(page2)).containsExactly(started.get(2), started.get(1));
        Map<?, ?> page3 = history(who + "&limit=2&cursor=" + page2.get("next_cursor"));
        assertThat(ids(page3)).containsExactly(started.get(0));
        assertThat(page3.get("has_more")).isEqualTo(false);
        assertThat(page3.get("next_cursor")).isNull();

        assertThat(ids(history(who + "&status=closed")))
                .containsExactly(started.get(1), started.get(0));
        assertThat(ids(history(who + "&status=waiting"))).hasSize(3);
        // to= a date includes that whole day
        assertThat(ids(history(who + "&from=2026-11-21&to=2026-11-23")))
                .containsExactly(started.get(3), started.get(2), started.get(1));
        assertThat(ids(history(who + "&from=2026-11-22T08:00:00Z&to=2026-11-22T08:00:01Z")))
                .containsExactly(started.get(2));
    }

    @Test
    void theQueuePositionCountsSessionsAheadInTheSameDepartmentByPriority() {
        String department = newDepartment();
        Visitor a = new Visitor(http);
        Visitor.Session normal =
                a.start(
                        Map.of(
                                "browser_uuid",
                                a.browserUuid.toString(),
                                "topic",
                                "A",
                                "department_id",
                                department));
        Visitor.Session normal2 =
                a.start(
                        Map.of(
                                "browser_uuid",
                                a.browserUuid.toString(),
                                "topic",
                                "B",
                                "department_id",
                                department));
        // a visitor logged in to OSS may ask for high (anonymous ones for normal at most)
        String ossUserId = "OSS-" + UUID.randomUUID();
        Visitor.Session high =
                new Visitor(http)
                        .start(
                                Map.of(
                                        "oss_user_id",
                                        ossUserId,
                                        "identity_hash",
                                        identityHash(ossUserId),
                                        "topic",
                                        "C",
                                        "department_id",
                                        department,
                                        "priority",
                                        "high"));

        assertThat(normal.body().get("queue_position")).isEqualTo(1);
        assertThat(normal2.body().get("queue_position")).isEqualTo(2);
        assertThat(high.body().get("queue_position")).isEqualTo(1);
        http.get()
                .uri("/api/oss-chat/session/{id}", normal2.id())
                .headers(h -> h.setBearerAuth(normal2.token()))
                .exchange()
                .expectBody()
                .jsonPath("$.queue_position")
                .isEqualTo(3)
                // nobody of this department is online: no time can honestly be promised
                .jsonPath("$.expected_wait_seconds")
                .isEmpty()
                .jsonPath("$.agents_online")
                .isEqualTo(0);
    }

    private String newDepartment() {
        return db.sql("INSERT INTO departments (code, name) VALUES (:c, 'Uji') RETURNING id")
                .bind("c", "dept-" + UUID.randomUUID().toString().substring(0, 8))
                .map(row -> row.get(0, UUID.class).toString())
                .one()
                .block();
    }

    private Map<?, ?> history(String query) {
        return http.get()
                .uri("/api/oss-chat/history?" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private List<String> historyIds(String query) {
        return ids(history(query));
    }

    private static List<String> ids(Map<?, ?> page) {
        return ((List<?>) page.get("sessions"))
                .stream().map(s -> (String) ((Map<?, ?>) s).get("session_id")).toList();
    }
}
