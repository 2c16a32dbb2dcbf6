package id.oss.livechat.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.LiveChatServer;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.TestDatabase;
import id.oss.livechat.server.support.Visitor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The audit trail: each staff action on personal data or access writes its entry (who, from where,
 * what, which subject); only admins read it; editing a stored entry is caught by verify-audit.
 */
class AuditTrailTest extends ServerTest {

    @Test
    void eachStaffActionWritesItsEntry() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member first = staff.agent("away", 3, department);
        StaffFixture.Member second = staff.agent("away", 3, department);
        String firstToken = staff.login(first);
        String address = "audit-" + UUID.randomUUID().toString().substring(0, 8) + "@contoh.co.id";
        Visitor visitor = new Visitor(http);
        Visitor.Session session = staff.waitingSession(department, "normal");
        Map<String, Object> contact = new HashMap<>(Visitor.johnDoe());
        contact.put("contact_email", address);
        visitor.contact(session, contact).expectStatus().isOk();
        String subject = "session:" + session.id();
        http.post()
                .uri("/api/oss-chat/session/{id}/messages", session.id())
                .headers(h -> h.setBearerAuth(session.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("client_msg_id", "m-1", "text", "Izin saya belum terbit."))
                .exchange()
                .expectStatus()
                .isOk();

        post(
                        firstToken,
                        "/api/chat/assign",
                        Map.of("session_id", session.id(), "agent_id", first.id().toString()))
                .expectStatus()
                .isOk();
        get(firstToken, "/api/chat/session/" + session.id()).expectStatus().isOk();
        get(firstToken, "/api/chat/session/" + session.id() + "/messages").expectStatus().isOk();
        UUID chatUser =
                db.sql("SELECT chat_user_id FROM chat_sessions WHERE id = :id")
                        .bind("id", UUID.fromString(session.id()))
                        .map(row -> row.get(0, UUID.class))
                        .one()
                        .block();
        get(firstToken, "/api/chat/visitors/" + chatUser + "/sessions").expectStatus().isOk();
        post(
                        firstToken,
                        "/api/chat/transfer",
                        Map.of("session_id", session.id(), "agent_id", second.id().toString()))
                .expectStatus()
                .isOk();
        post(staff.login(second), "/api/chat/close", Map.of("session_id", session.id()))
                .expectStatus()
                .isOk();
        http.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", first.username(), "password", "wrong-password"))
                .exchange()
                .expectStatus()
                .isUnauthorized();

        String admin = demoToken("admin");
        String created = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> newAgent =
                Map.of(
                        "username", created,
                        "display_name", "Agen Audit",
                        "password", "password-audit-1",
                        "role", "agent",
                        "department_ids", List.of(department.toString()));
        Map<?, ?> agent =
                post(admin, "/api/agents", newAgent)
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        http.put()
                .uri("/api/agents/" + agent.get("id"))
                .headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("max_chats", 5))
                .exchange()
                .expectStatus()
                .isOk();
        String code = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        Map<?, ?> dept =
                post(admin, "/api/departments", Map.of("code", code, "name", "Audit " + code))
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        http.put()
                .uri("/api/departments/" + dept.get("id"))
                .headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Audit (baru)"))
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(entries(admin, "actor=" + first.username() + "&action=auth.sign_in"))
                .isNotEmpty();
        List<Map<String, Object>> failed =
                entries(admin, "actor=" + first.username() + "&action=auth.sign_in_failed");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0))
                .containsEntry("address", "127.0.0.1")
                .containsEntry("detail", "invalid_credentials");
        assertThat(failed.get(0).get("at")).isNotNull();
        for (String action :
                List.of(
                        "session.assigned",
                        "session.opened",
                        "session.transcript_read",
                        "session.transferred")) {
            List<Map<String, Object>> found =
                    entries(
                            admin,
                            "actor="
                                    + first.username()
                                    + "&action="
                                    + action
                                    + "&subject="
                                    + subject);
            assertThat(found).as(action).hasSize(1);
            assertThat(found.get(0)).containsEntry("address", "127.0.0.1");
        }
        assertThat(
                        entries(
                                admin,
                                "actor="
                                        + second.username()
                                        + "&action=session.closed&subject="
                                        + subject))
                .hasSize(1);
        assertThat(
                        entries(
                                admin,
                                "actor="
                                        + first.username()
                                        + "&action=visitor.history_read&subject=visitor:"
                                        + chatUser))
                .hasSize(1);
        assertThat(
                        entries(
                                admin,
                                "actor=admin&action=admin.staff_created&subject=staff:"
                                        + agent.get("id")))
                .hasSize(1);
        assertThat(
                        entries(
                                admin,
                                "actor=admin&action=admin.staff_updated&subject=staff:"
                                        + agent.get("id")))
                .singleElement()
                .satisfies(e -> assertThat(e.get("detail").toString()).contains("max_chats=5"));
        assertThat(
                        entries(
                                admin,
                                "actor=admin&action=admin.department_created&subject=department:"
                                        + dept.get("id")))
                .hasSize(1);
        assertThat(
                        entries(
                                admin,
                                "actor=admin&action=admin.department_updated&subject=department:"
                                        + dept.get("id")))
                .hasSize(1);
        // the transcript mailed on close
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                !entries(admin, "actor=system&action=mail.sent&subject=" + subject)
                                        .isEmpty());

        // the export is itself recorded, and holds the entries as CSV
        String csv =
                get(admin, "/api/audit/export.csv?subject=" + subject)
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .contentTypeCompatibleWith("text/csv")
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(csv)
                .startsWith("at,actor,address,action,subject,detail")
                .contains("session.transferred")
                .contains("session.closed");
        assertThat(entries(admin, "actor=admin&action=audit.exported")).isNotEmpty();
    }

    @Test
    void staffReadingAChatThroughASocketResumeIsAuditedLikeItsTranscript() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member supervisor = staff.member("supervisor", "away", 0, department);
        // an agent of another department: it may not open this chat at all
        StaffFixture.Member outsider = staff.agent("away", 3, staff.department());
        Visitor.Session session = staff.waitingSession(department, "normal");
        UUID sessionId = UUID.fromString(session.id());
        String subject = "session:" + sessionId;
        http.post()
                .uri("/api/oss-chat/session/{id}/messages", session.id())
                .headers(h -> h.setBearerAuth(session.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("client_msg_id", "m-1", "text", "NIB saya belum terbit."))
                .exchange()
                .expectStatus()
                .isOk();

        try (ChatSocket watching = ChatSocket.signedIn(port, "/ws/agent", staff.login(supervisor));
                ChatSocket refused =
                        ChatSocket.signedIn(port, "/ws/agent", staff.login(outsider))) {
            // the supervisor reads the waiting chat back over its socket
            watching.send(new ClientFrame.Resume(sessionId, 0));
            watching.await(
                    ServerFrame.MessageNew.class, m -> "NIB saya belum terbit.".equals(m.text()));
            watching.await(ServerFrame.ResumeDone.class, d -> sessionId.equals(d.sessionId()));
            // an agent of another department is refused, and reads nothing
            refused.send(new ClientFrame.Resume(sessionId, 0));
            refused.await(ServerFrame.Error.class, e -> true);
            assertThat(refused.all(ServerFrame.MessageNew.class)).isEmpty();
        }

        String admin = demoToken("admin");
        assertThat(
                        entries(
                                admin,
                                "actor="
                                        + supervisor.username()
                                        + "&action=session.transcript_read&subject="
                                        + subject))
                .singleElement()
                .satisfies(
                        e ->
                                assertThat(e)
                                        .containsEntry("detail", "socket resume after_seq=0")
                                        .containsEntry("address", "127.0.0.1"));
        assertThat(entries(admin, "actor=" + outsider.username() + "&subject=" + subject))
                .as("a refused resume reads nothing, so it records no reading")
                .isEmpty();
    }

    @Test
    void signingOutAndChangingOnesPasswordAreAuditedAndARefusedChangeIsNot() {
        StaffFixture staff = new StaffFixture(db, http);
        StaffFixture.Member member = staff.agent("away", 3, staff.department());
        String subject = "staff:" + member.id();
        String token = staff.login(member);
        String newPassword = "a-new-password-" + UUID.randomUUID().toString().substring(0, 8);

        put(
                        token,
                        "/api/agents/me/password",
                        Map.of("current_password", "not-mine", "new_password", newPassword))
                .expectStatus()
                .isBadRequest();
        put(
                        token,
                        "/api/agents/me/password",
                        Map.of(
                                "current_password",
                                StaffFixture.PASSWORD,
                                "new_password",
                                newPassword))
                .expectStatus()
                .isNoContent();
        String again =
                http.post()
                        .uri("/api/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("username", member.username(), "password", newPassword))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("access_token")
                        .toString();
        post(again, "/api/auth/logout", Map.of()).expectStatus().isNoContent();

        String admin = demoToken("admin");
        List<Map<String, Object>> changed =
                entries(
                        admin,
                        "actor="
                                + member.username()
                                + "&action=auth.password_changed&subject="
                                + subject);
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0)).containsEntry("address", "127.0.0.1");
        assertThat(String.valueOf(changed.get(0).get("detail"))).doesNotContain(newPassword);
        assertThat(
                        entries(
                                admin,
                                "actor="
                                        + member.username()
                                        + "&action=auth.sign_out&subject="
                                        + subject))
                .hasSize(1);
    }

    @Test
    void onlyAnAdminReadsTheTrailAndBadFiltersAreRefused() {
        String agent = demoToken("agent1");
        get(agent, "/api/audit").expectStatus().isForbidden();
        get(agent, "/api/audit/export.csv").expectStatus().isForbidden();
        get(demoToken("supervisor"), "/api/audit").expectStatus().isForbidden();
        http.get().uri("/api/audit").exchange().expectStatus().isUnauthorized();

        String admin = demoToken("admin");
        get(admin, "/api/audit?from=yesterday")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.from")
                .exists();
        get(admin, "/api/audit?limit=0").expectStatus().isBadRequest();
        get(admin, "/api/audit?limit=many").expectStatus().isBadRequest();
        get(admin, "/api/audit?cursor=abc").expectStatus().isBadRequest();
        get(admin, "/api/audit?from=2026-02-01&to=2026-01-01").expectStatus().isBadRequest();
    }

    @Test
    @SuppressWarnings("unchecked")
    void pagesGoBackInTimeWithTheCursor() {
        String admin = demoToken("admin");
        // at least three sign-ins of the admin exist by now
        demoToken("admin");
        demoToken("admin");
        Map<?, ?> firstPage = page(admin, "actor=admin&action=auth.sign_in&limit=2");
        List<?> entries = (List<?>) firstPage.get("entries");
        assertThat(entries).hasSize(2);
        String cursor = (String) firstPage.get("next_cursor");
        assertThat(cursor).isNotNull();
        Map<?, ?> secondPage =
                page(admin, "actor=admin&action=auth.sign_in&limit=2&cursor=" + cursor);
        List<?> older = (List<?>) secondPage.get("entries");
        assertThat(older).isNotEmpty();
        String newestOfSecond = (String) ((Map<?, ?>) older.get(0)).get("at");
        String oldestOfFirst = (String) ((Map<?, ?>) entries.get(1)).get("at");
        assertThat(newestOfSecond.compareTo(oldestOfFirst)).isLessThanOrEqualTo(0);
        assertThat((List<Object>) older).doesNotContainAnyElementsOf((List<Object>) entries);
    }

    @Test
    void editingAStoredEntryIsCaughtByVerifyAudit() throws Exception {
        demoToken("admin");
        assertThat(verifyAudit()).startsWith("0 ").contains("verify-audit: OK");
        long id = count("SELECT max(id) FROM audit_log WHERE action = 'auth.sign_in'");
        // the table refuses changes
        try (Connection c = DriverManager.getConnection(TestDatabase.get().jdbcUrl());
                Statement s = c.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () ->
                                    s.execute(
                                            "UPDATE audit_log SET actor = 'someone' WHERE id = "
                                                    + id))
                    .hasMessageContaining("append-only");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> s.execute("DELETE FROM audit_log WHERE id = " + id))
                    .hasMessageContaining("append-only");
        }
        // a superuser who switches the trigger off can still edit: the chain tells
        String original =
                db.sql("SELECT actor FROM audit_log WHERE id = " + id)
                        .map(r -> r.get(0, String.class))
                        .one()
                        .block();
        bypassingTriggers("UPDATE audit_log SET actor = 'someone-else' WHERE id = " + id);
        try {
            assertThat(verifyAudit())
                    .startsWith("1 ")
                    .contains("BROKEN at entry " + id)
                    .contains("edited");
        } finally {
            bypassingTriggers("UPDATE audit_log SET actor = '" + original + "' WHERE id = " + id);
        }
        assertThat(verifyAudit()).startsWith("0 ");
    }

    private static void bypassingTriggers(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(TestDatabase.get().jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute(sql);
        }
    }

    /** The exit code, a space, and what verify-audit printed. */
    static String verifyAudit() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Map<String, String> environment =
                Map.of(
                        "DB_HOST",
                        "localhost",
                        "DB_PORT",
                        String.valueOf(TestDatabase.get().port()),
                        "DB_NAME",
                        TestDatabase.NAME,
                        "DB_USER",
                        "postgres");
        int code =
                LiveChatServer.opsCommands(
                                environment, new PrintStream(printed, true, StandardCharsets.UTF_8))
                        .run("verify-audit", List.of());
        return code + " " + printed.toString(StandardCharsets.UTF_8);
    }

    private WebTestClient.ResponseSpec get(String token, String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private WebTestClient.ResponseSpec put(String token, String uri, Map<String, ?> body) {
        return http.put()
                .uri(uri)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec post(String token, String uri, Map<String, ?> body) {
        return http.post()
                .uri(uri)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private Map<?, ?> page(String token, String query) {
        return get(token, "/api/audit?" + query)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> entries(String token, String query) {
        return (List<Map<String, Object>>) page(token, query + "&limit=500").get("entries");
    }
}
