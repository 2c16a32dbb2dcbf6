package id.oss.livechat.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.audit.AuditTrail;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.TestFiles;
import id.oss.livechat.server.support.Visitor;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Files are personal data too (V72): when an erasure or retention empties a chat, the files sent in
 * it go with its texts. Their rows and bytes are gone, the message that carried one stays as
 * "[dihapus]" without it, and a download answers 404 to the agent who could fetch it before.
 */
class ErasureTakesAttachmentsTest extends ServerTest {
    private static final Duration MONTH = Duration.ofDays(30);
    private static final Duration CENTURY = Duration.ofDays(36500);

    @Autowired RetentionRepository store;
    @Autowired AuditTrail audit;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private StaffFixture staff;
    private String agentToken;

    private record Chat(String sessionId, String visitorToken, String email, String attachmentId) {}

    @Test
    void erasingAVisitorTakesTheFilesOfItsChats() {
        Chat chat = chatWithAFile("hapus");
        assertThat(download(chat, agentToken)).isEqualTo(200);

        http.post()
                .uri("/api/privacy/erase")
                .headers(h -> h.setBearerAuth(demoToken("admin")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", chat.email()))
                .exchange()
                .expectStatus()
                .isOk();

        assertNoFile(chat);
        assertThat(download(chat, agentToken)).isEqualTo(404);
        assertThat(download(chat, demoToken("admin"))).isEqualTo(404);
    }

    @Test
    void retentionTakesTheFilesOfAChatPastItsPeriod() {
        Chat old = chatWithAFile("lama");
        Chat recent = chatWithAFile("baru");
        for (Chat chat : new Chat[] {old, recent}) {
            closeAndAge(chat, chat == old ? 200 : 10);
        }
        String admin = demoToken("admin");
        assertThat(download(old, admin)).isEqualTo(200);

        new Retention(
                        store,
                        audit,
                        new RetentionPeriods(MONTH, MONTH, MONTH, MONTH, CENTURY, 100),
                        Clock.systemUTC())
                .run()
                .block()
                .orElseThrow();

        assertNoFile(old);
        assertThat(download(old, admin)).isEqualTo(404);
        // the chat inside its period keeps its file
        assertThat(filesOf(recent)).isEqualTo(1);
        assertThat(download(recent, admin)).isEqualTo(200);
    }

    /** A chat an agent of the test's own serves, where the visitor sent a PDF. */
    private Chat chatWithAFile(String name) {
        if (staff == null) {
            staff = new StaffFixture(db, http);
        }
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("online", 3, department);
        Visitor visitor = new Visitor(http);
        Visitor.Session session =
                visitor.start(
                        Map.of(
                                "browser_uuid", visitor.browserUuid.toString(),
                                "topic", "Izin usaha " + tag,
                                "department_id", department.toString()));
        String email = name + "-" + tag + "@contoh.co.id";
        Map<String, Object> contact = new HashMap<>(Visitor.johnDoe());
        contact.put("contact_email", email);
        visitor.contact(session, contact).expectStatus().isOk();
        assertThat(staff.agentOf(session.id())).isEqualTo(agent.id());
        agentToken = staff.login(agent);
        Map<?, ?> uploaded =
                http.post()
                        .uri("/api/oss-chat/session/" + session.id() + "/attachments")
                        .headers(h -> h.setBearerAuth(session.token()))
                        .bodyValue(
                                TestFiles.form(
                                        "KTP " + name + ".pdf",
                                        TestFiles.pdf(),
                                        MediaType.APPLICATION_PDF))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        Chat chat =
                new Chat(
                        session.id(),
                        session.token(),
                        email,
                        (String) uploaded.get("attachment_id"));
        assertThat(filesOf(chat)).isEqualTo(1);
        return chat;
    }

    /** Closed by its agent, then moved {@code days} back in time. */
    private void closeAndAge(Chat chat, int days) {
        String token = agentTokenOf(chat);
        http.post()
                .uri("/api/chat/close")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", chat.sessionId()))
                .exchange()
                .expectStatus()
                .isOk();
        String interval = "interval '" + days + " days'";
        String id = "'" + chat.sessionId() + "'";
        db.sql(
                        String.format(
                                "UPDATE chat_sessions SET started_at = started_at - %1$s,"
                                        + " queued_at = queued_at - %1$s,"
                                        + " assigned_at = assigned_at - %1$s,"
                                        + " ended_at = ended_at - %1$s,"
                                        + " visitor_last_seen_at = visitor_last_seen_at - %1$s"
                                        + " WHERE id = %2$s",
                                interval, id))
                .then()
                .block();
        db.sql(
                        String.format(
                                "UPDATE chat_messages SET sent_at = sent_at - %1$s"
                                        + " WHERE session_id = %2$s",
                                interval, id))
                .then()
                .block();
    }

    /** Each chat has an agent of its own; the last one logged in serves the last chat made. */
    private String agentTokenOf(Chat chat) {
        UUID agent = staff.agentOf(chat.sessionId());
        String username =
                db.sql("SELECT username FROM users WHERE id = :id")
                        .bind("id", agent)
                        .map(row -> row.get(0, String.class))
                        .one()
                        .block();
        return staff.login(username);
    }

    private void assertNoFile(Chat chat) {
        assertThat(filesOf(chat)).isZero();
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_attachment_contents WHERE session_id = '"
                                        + chat.sessionId()
                                        + "'"))
                .isZero();
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_messages WHERE session_id = '"
                                        + chat.sessionId()
                                        + "' AND attachment_id IS NOT NULL"))
                .isZero();
        // the message that carried it keeps its place in the conversation, emptied
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_messages WHERE session_id = '"
                                        + chat.sessionId()
                                        + "' AND body = '[dihapus]'"))
                .isPositive();
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_messages WHERE session_id = '"
                                        + chat.sessionId()
                                        + "' AND body LIKE '%KTP%'"))
                .as("nor does a text keep the file's name")
                .isZero();
    }

    private long filesOf(Chat chat) {
        return count(
                "SELECT count(*) FROM chat_attachments WHERE session_id = '"
                        + chat.sessionId()
                        + "'");
    }

    private int download(Chat chat, String token) {
        return http.get()
                .uri("/api/attachments/" + chat.attachmentId())
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .returnResult(byte[].class)
                .getStatus()
                .value();
    }
}
