package id.oss.livechat.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.server.LiveChatServer;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.TestDatabase;
import id.oss.livechat.server.support.Visitor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Erasure of a data subject end to end: afterwards no text column of any table holds the subject's
 * e-mail, phone, name, address or message text, the counts say what went, and the audit chain still
 * verifies.
 */
class ErasureTest extends ServerTest {
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String email = "erase-" + tag + "@contoh.co.id";
    private final String phone = "+62812" + (10000000 + Math.abs(tag.hashCode() % 89999999));
    private final String name = "Rahasia Namaku " + tag;
    private final String visitorText = "Nomor NIB saya rahasia " + tag;
    private final String agentText = "Baik Bapak " + tag + ", kami bantu";
    private final String ip = "198.51.100." + (1 + Math.abs(tag.hashCode() % 250));
    // the citizen's case: a NIB and an application number name a business
    private final String nib = String.valueOf(9_100_000_000_000L + Math.abs(tag.hashCode()));
    private final String applicationNumber = "PB-UMKU-" + tag.toUpperCase();

    @Test
    void afterAnErasureNoTableHoldsTheSubjectsData() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("online", 3, department);
        String agentToken = staff.login(agent);
        Visitor.Session session = startWithCase(department);
        Map<String, Object> contact = new HashMap<>(Visitor.johnDoe());
        contact.put("contact_name", name);
        contact.put("contact_email", email);
        contact.put("contact_phone", phone);
        contact.put("company_name", "PT Rahasia " + tag);
        new Visitor(http).contact(session, contact).expectStatus().isOk();
        send("/api/oss-chat/session/" + session.id() + "/messages", session.token(), visitorText);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> agent.id().equals(staff.agentOf(session.id())));
        send("/api/chat/session/" + session.id() + "/messages", agentToken, agentText);
        http.post()
                .uri("/api/chat/close")
                .headers(h -> h.setBearerAuth(agentToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", session.id()))
                .exchange()
                .expectStatus()
                .isOk();
        // the transcript was queued (and mailed) with the conversation in it
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                count(
                                                "SELECT count(*) FROM mail_outbox WHERE recipient = '"
                                                        + email
                                                        + "'")
                                        > 0);
        // every request came from 127.0.0.1, as did every other test's: give this visitor an
        // address of its own, so "the address is gone" means this visitor's
        db.sql(
                        "UPDATE chat_users SET ip_address = :ip WHERE id = (SELECT chat_user_id FROM chat_sessions WHERE id = :s)")
                .bind("ip", ip)
                .bind("s", UUID.fromString(session.id()))
                .then()
                .block();
        assertThat(placesHolding(email)).isNotEmpty();
        assertThat(placesHolding(visitorText)).isNotEmpty();
        assertThat(placesHolding(ip)).isNotEmpty();
        assertThat(placesHolding(nib)).isNotEmpty();
        assertThat(placesHolding(applicationNumber)).isNotEmpty();

        Map<?, ?> counts =
                erase(demoToken("admin"), Map.of("email", email.toUpperCase()))
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();

        assertThat(counts.get("sessions")).isEqualTo(1);
        assertThat(counts.get("messages")).isEqualTo(2);
        assertThat(counts.get("contacts")).isEqualTo(1);
        assertThat(counts.get("visitors")).isEqualTo(1);
        assertThat(((Number) counts.get("mails")).intValue()).isPositive();
        for (String value :
                List.of(
                        email,
                        phone,
                        name,
                        visitorText,
                        agentText,
                        ip,
                        "PT Rahasia " + tag,
                        nib,
                        applicationNumber)) {
            assertThat(placesHolding(value)).as(value).isEmpty();
        }
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_messages WHERE session_id = '"
                                        + session.id()
                                        + "' AND body = '[dihapus]'"))
                .isEqualTo(2);
        // the session row stays for the analytics, emptied
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_sessions WHERE id = '"
                                        + session.id()
                                        + "' AND personal_data_erased_at IS NOT NULL"))
                .isEqualTo(1);
        // audited: who and how much, never what
        List<Map<String, Object>> entries = auditEntries("action=privacy.erase&actor=admin");
        assertThat(entries).isNotEmpty();
        assertThat(entries.get(0).get("detail").toString())
                .contains("found by email")
                .contains("\"messages\": 2")
                .doesNotContain(email);
        assertThat(verifyAudit()).startsWith("0 ").contains("verify-audit: OK");

        // a second erasure finds nothing left to erase
        erase(demoToken("admin"), Map.of("email", email)).expectStatus().isNotFound();
    }

    @Test
    void unknownSubjectsMalformedRequestsAndNonAdminsChangeNothing() {
        long auditBefore = count("SELECT count(*) FROM audit_log WHERE action = 'privacy.erase'");
        String admin = demoToken("admin");
        erase(admin, Map.of("email", "nobody-" + tag + "@contoh.co.id"))
                .expectStatus()
                .isNotFound();
        erase(admin, Map.of("oss_user_id", "NOBODY-" + tag)).expectStatus().isNotFound();
        erase(admin, Map.of("browser_uuid", UUID.randomUUID().toString()))
                .expectStatus()
                .isNotFound();
        erase(admin, Map.of("phone", "+6281100000000")).expectStatus().isNotFound();
        erase(admin, Map.of()).expectStatus().isBadRequest();
        erase(admin, Map.of("email", "a@b.co", "phone", "+62811111111"))
                .expectStatus()
                .isBadRequest();
        erase(admin, Map.of("email", "not-an-address")).expectStatus().isBadRequest();
        erase(admin, Map.of("browser_uuid", "not-a-uuid")).expectStatus().isBadRequest();
        erase(demoToken("agent1"), Map.of("email", "john@company.com"))
                .expectStatus()
                .isForbidden();
        erase(demoToken("supervisor"), Map.of("email", "john@company.com"))
                .expectStatus()
                .isForbidden();
        http.post()
                .uri("/api/privacy/erase")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "john@company.com"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'privacy.erase'"))
                .isEqualTo(auditBefore);
    }

    @Test
    void theOpsCommandErasesAnOssUserAndItsLinkedBrowser() {
        String ossUser = "ERASE-" + tag;
        Visitor visitor = new Visitor(http);
        Visitor.Session session = visitor.start("Izin lokasi");
        http.post()
                .uri("/api/oss-chat/link-user")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of(
                                "browser_uuid",
                                visitor.browserUuid.toString(),
                                "oss_user_id",
                                ossUser,
                                "email",
                                email,
                                "identity_hash",
                                identityHash(ossUser)))
                .exchange()
                .expectStatus()
                .isOk();
        send("/api/oss-chat/session/" + session.id() + "/messages", session.token(), visitorText);

        assertThat(ops("erase", "oss_user_id")).startsWith("2 ").contains("usage");
        assertThat(ops("erase", "oss_user_id", ossUser))
                .startsWith("0 ")
                .contains("erase: erased")
                .contains("\"messages\": 1");
        assertThat(placesHolding(ossUser)).isEmpty();
        assertThat(placesHolding(visitor.browserUuid.toString())).isEmpty();
        assertThat(placesHolding(visitorText)).isEmpty();
        assertThat(placesHolding(email)).isEmpty();
        assertThat(ops("erase", "oss_user_id", ossUser))
                .startsWith("1 ")
                .contains("nothing erased");
        assertThat(
                        count(
                                "SELECT count(*) FROM audit_log WHERE action = 'privacy.erase' AND actor = 'ops'"))
                .isPositive();
        assertThat(verifyAudit()).startsWith("0 ");
    }

    /** A chat waiting in {@code department} that came with the citizen's signed case. */
    private Visitor.Session startWithCase(UUID department) {
        Visitor visitor = new Visitor(http);
        Map<String, Object> context = new java.util.LinkedHashMap<>();
        context.put("nib", nib);
        context.put("application_number", applicationNumber);
        context.put("kbli", List.of("56101"));
        context.put("licence_type", "Sertifikat Standar");
        context.put("province", "DKI Jakarta");
        Map<String, Object> request = new HashMap<>();
        request.put("browser_uuid", visitor.browserUuid.toString());
        request.put("topic", "Izin usaha " + tag);
        request.put("department_id", department.toString());
        request.put("context", context);
        request.put(
                "context_hash",
                id.oss.livechat.server.visitor.IdentityProof.hashFor(
                        IDENTITY_SECRET,
                        id.oss.livechat.server.casecontext.CanonicalJson.of(context)));
        return visitor.start(request);
    }

    /** Every text column of every table that holds {@code value}, as table.column. */
    private List<String> placesHolding(String value) {
        List<String> places = new ArrayList<>();
        List<String[]> columns =
                db.sql(
                                """
                        SELECT table_name, column_name FROM information_schema.columns
                         WHERE table_schema = 'public'
                           AND data_type IN ('text', 'character varying', 'character', 'uuid', 'jsonb', 'json')""")
                        .map(
                                row ->
                                        new String[] {
                                            row.get(0, String.class), row.get(1, String.class)
                                        })
                        .all()
                        .collectList()
                        .block();
        for (String[] column : columns) {
            long found =
                    db.sql(
                                    "SELECT count(*) FROM \""
                                            + column[0]
                                            + "\" WHERE \""
                                            + column[1]
                                            + "\"::text ILIKE :v")
                            .bind("v", "%" + value + "%")
                            .map(row -> row.get(0, Long.class))
                            .one()
                            .block();
            if (found > 0) {
                places.add(column[0] + "." + column[1]);
            }
        }
        return places;
    }

    private void send(String uri, String token, String text) {
        http.post()
                .uri(uri)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("client_msg_id", UUID.randomUUID().toString(), "text", text))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private WebTestClient.ResponseSpec erase(String token, Map<String, ?> body) {
        return http.post()
                .uri("/api/privacy/erase")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> auditEntries(String query) {
        return (List<Map<String, Object>>)
                http.get()
                        .uri("/api/audit?" + query)
                        .headers(h -> h.setBearerAuth(demoToken("admin")))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("entries");
    }

    static String verifyAudit() {
        return ops("verify-audit");
    }

    /** The exit code, a space, and what the ops command printed. */
    static String ops(String command, String... arguments) {
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
                        .run(command, List.of(arguments));
        return code + " " + printed.toString(StandardCharsets.UTF_8);
    }
}
