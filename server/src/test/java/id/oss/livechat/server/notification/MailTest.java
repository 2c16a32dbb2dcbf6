package id.oss.livechat.server.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.TestMail;
import id.oss.livechat.server.support.Visitor;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Mail against a real SMTP server: who gets what, in which language, in both parts, once. */
class MailTest extends ServerTest {
    private final TestMail smtp = TestMail.get();

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@contoh.co.id";
    }

    /** A visitor with a contact address, in a department of its own, served by an agent. */
    private record Chat(
            Visitor.Session session, String contactEmail, String agentToken, UUID department) {}

    private Chat chat(String language, String contactEmail, boolean withAgent) {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent(withAgent ? "online" : "offline", 3, department);
        Visitor visitor = new Visitor(http);
        Visitor.Session session =
                visitor.start(
                        Map.of(
                                "browser_uuid",
                                visitor.browserUuid.toString(),
                                "topic",
                                "Perubahan KBLI",
                                "department_id",
                                department.toString(),
                                "language",
                                language));
        Map<String, Object> contact = new HashMap<>(Visitor.johnDoe());
        contact.put("contact_email", contactEmail);
        contact.put("contact_name", "Siti Rahma");
        visitor.contact(session, contact).expectStatus().isOk();
        return new Chat(session, contactEmail, staff.login(agent), department);
    }

    private void visitorSays(Visitor.Session session, String text) {
        http.post()
                .uri("/api/oss-chat/session/{id}/messages", session.id())
                .headers(h -> h.setBearerAuth(session.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("client_msg_id", UUID.randomUUID().toString(), "text", text))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private void agentSays(Chat chat, String text) {
        http.post()
                .uri("/api/chat/session/{id}/messages", chat.session().id())
                .headers(h -> h.setBearerAuth(chat.agentToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("client_msg_id", UUID.randomUUID().toString(), "text", text))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private void close(Chat chat) {
        http.post()
                .uri("/api/chat/close")
                .headers(h -> h.setBearerAuth(chat.agentToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", chat.session().id()))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private MimeMessage awaitOne(String address) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !smtp.to(address).isEmpty());
        return smtp.to(address).get(0);
    }

    /** The text/plain and text/html parts of a mail. */
    private static Map<String, String> parts(Part part) throws Exception {
        Map<String, String> found = new HashMap<>();
        if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
            found.put(part.isMimeType("text/plain") ? "text" : "html", (String) part.getContent());
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                found.putAll(parts(child));
            }
        }
        return found;
    }

    @Test
    void whenAChatClosesTheContactGetsTheTranscriptInTheirLanguageOnce() throws Exception {
        Chat chat = chat("id", unique("siti"), true);
        visitorSays(chat.session(), "Selamat siang, bagaimana mengubah KBLI?");
        agentSays(chat, "Silakan buka menu Perubahan. <b>Penting</b>: simpan draf dulu.");
        close(chat);

        MimeMessage mail = awaitOne(chat.contactEmail());
        assertThat(mail.getSubject())
                .isEqualTo("Transkrip percakapan Anda dengan Layanan OSS: Perubahan KBLI");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("layanan@oss.example.id");
        Map<String, String> parts = parts(mail);
        assertThat(parts.get("text"))
                .contains(
                        "Yth. Siti Rahma,",
                        "Selamat siang, bagaimana mengubah KBLI?",
                        "Silakan buka menu Perubahan. <b>Penting</b>: simpan draf dulu.",
                        "Terima kasih");
        // what people typed is text in the HTML part, never markup
        assertThat(parts.get("html"))
                .contains("&lt;b&gt;Penting&lt;/b&gt;")
                .doesNotContain("<b>Penting</b>");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> smtp.to(chat.contactEmail()).size() == 1);
    }

    @Test
    void aVisitorLoggedInToOssAsksForTheTranscriptInEnglishAtTheAccountsAddress() throws Exception {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("online", 3, department);
        String ossUserId = "OSS-" + UUID.randomUUID();
        String account = unique("account");
        Visitor.Session session =
                new Visitor(http)
                        .start(
                                Map.of(
                                        "oss_user_id",
                                        ossUserId,
                                        "email",
                                        account,
                                        "identity_hash",
                                        identityHash(ossUserId),
                                        "topic",
                                        "Perubahan KBLI",
                                        "department_id",
                                        department.toString(),
                                        "language",
                                        "en"));
        Map<String, Object> contact = new HashMap<>(Visitor.johnDoe());
        String contactEmail = unique("john");
        contact.put("contact_email", contactEmail);
        contact.put("contact_name", "Siti Rahma");
        new Visitor(http).contact(session, contact).expectStatus().isOk();
        Chat chat = new Chat(session, contactEmail, staff.login(agent), department);
        visitorSays(chat.session(), "How do I update my business licence?");
        close(chat);
        for (int i = 0; i < 2; i++) {
            http.post()
                    .uri("/api/oss-chat/session/{id}/transcript", chat.session().id())
                    .headers(h -> h.setBearerAuth(chat.session().token()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", account.toUpperCase()))
                    .exchange()
                    .expectStatus()
                    .isAccepted()
                    .expectBody()
                    .jsonPath("$.queued")
                    .isEqualTo(true)
                    .jsonPath("$.email")
                    .isEqualTo(account);
        }
        MimeMessage mail = awaitOne(account);
        assertThat(mail.getSubject())
                .isEqualTo("Your conversation with OSS support: Perubahan KBLI");
        assertThat(parts(mail).get("text"))
                .contains("Dear Siti Rahma,", "How do I update my business licence?", "Thank you");
        assertThat(parts(mail).get("html")).contains("How do I update my business licence?");
        // asked twice, sent once; and the contact address got its own on close
        awaitOne(contactEmail);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> smtp.to(account).size() == 1);
    }

    @Test
    void theVisitorIsToldOfAReplyThatCameAfterTheyLeft() throws Exception {
        Chat chat = chat("id", unique("budi"), true);
        visitorSays(chat.session(), "Saya tunggu jawabannya ya");
        db.sql(
                        "UPDATE chat_sessions SET visitor_last_seen_at = now() - interval '1 hour' WHERE id = :id")
                .bind("id", UUID.fromString(chat.session().id()))
                .then()
                .block();
        agentSays(chat, "NIB Anda sudah terbit, silakan unduh.");
        agentSays(chat, "Ada lagi yang bisa dibantu?");

        MimeMessage mail = awaitOne(chat.contactEmail());
        assertThat(mail.getSubject()).isEqualTo("Balasan baru dari Layanan OSS: Perubahan KBLI");
        assertThat(parts(mail).get("text"))
                .contains("NIB Anda sudah terbit, silakan unduh.", "portal OSS");
        // one notice per absence, not one per reply
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> smtp.to(chat.contactEmail()).size() == 1);
    }

    @Test
    void aMessageLeftWhileNobodyIsOnlineGoesToTheDepartment() throws Exception {
        Chat chat = chat("id", unique("ani"), false);
        String departmentEmail =
                db.sql("SELECT email FROM departments WHERE id = :id")
                        .bind("id", chat.department())
                        .map(row -> row.get(0, String.class))
                        .one()
                        .block();
        visitorSays(chat.session(), "Tolong hubungi saya besok pagi soal izin lokasi.");

        MimeMessage mail = awaitOne(departmentEmail);
        assertThat(mail.getSubject())
                .isEqualTo("Pesan pengunjung saat tidak ada petugas online: Perubahan KBLI");
        Map<String, String> parts = parts(mail);
        assertThat(parts.get("text"))
                .contains(
                        "Tolong hubungi saya besok pagi soal izin lokasi.",
                        "Siti Rahma",
                        chat.contactEmail());
        assertThat(parts.get("html")).contains("Tolong hubungi saya besok pagi soal izin lokasi.");
    }

    @Test
    void aMailServerThatIsDownDelaysMailAndNeverLosesIt() {
        Chat chat = chat("id", unique("dewi"), true);
        visitorSays(chat.session(), "Terima kasih atas bantuannya");
        smtp.stop();
        try {
            close(chat);
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    db
                                            .sql(
                                                    "SELECT attempts FROM mail_outbox WHERE session_id = :id AND status = 'pending' AND last_error IS NOT NULL")
                                            .bind("id", UUID.fromString(chat.session().id()))
                                            .map(row -> row.get(0, Integer.class))
                                            .all()
                                            .collectList()
                                            .block()
                                            .stream()
                                            .anyMatch(n -> n >= 1));
        } finally {
            smtp.start();
        }
        awaitOne(chat.contactEmail());
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> smtp.to(chat.contactEmail()).size() == 1);
        assertThat(
                        count(
                                "SELECT count(*) FROM mail_outbox WHERE session_id = '"
                                        + chat.session().id()
                                        + "' AND status = 'sent'"))
                .isEqualTo(1);
    }

    @Test
    void aTranscriptIsRefusedWhileTheChatRunsOrWithoutAnAddress() {
        Chat chat = chat("id", unique("rina"), true);
        http.post()
                .uri("/api/oss-chat/session/{id}/transcript", chat.session().id())
                .headers(h -> h.setBearerAuth(chat.session().token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of())
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("session_not_closed");
        close(chat);
        http.post()
                .uri("/api/oss-chat/session/{id}/transcript", chat.session().id())
                .headers(h -> h.setBearerAuth(chat.session().token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "not-an-address"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.email")
                .isNotEmpty();
        http.post()
                .uri("/api/oss-chat/session/{id}/transcript", chat.session().id())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of())
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(
                        count(
                                "SELECT count(*) FROM mail_outbox WHERE kind = 'transcript' AND session_id = '"
                                        + chat.session().id()
                                        + "'"))
                .isZero();
    }
}
