package id.oss.livechat.server.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.TestMail;
import id.oss.livechat.server.support.Visitor;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Nobody can use our server to send mail from our address to someone else: a transcript goes only
 * to the session's own contact address or its verified OSS account's, a contact address names one
 * mailbox and nothing more, a visitor writing while nobody is online mails the department once per
 * window rather than once per line, and no topic can break a subject or the outbox. Checked against
 * a real SMTP server (GreenMail): the stranger's mailbox stays empty.
 */
class MailRelayTest extends ServerTest {
    private final TestMail smtp = TestMail.get();

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@contoh.co.id";
    }

    /** An anonymous visitor in a department of its own, with a contact address, who wrote. */
    private record Chat(
            Visitor visitor, Visitor.Session session, String contact, UUID department) {}

    private Chat chat(String topic, boolean agentOnline) {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        staff.agent(agentOnline ? "online" : "offline", 3, department);
        Visitor visitor = new Visitor(http);
        Visitor.Session session =
                visitor.start(
                        Map.of(
                                "browser_uuid", visitor.browserUuid.toString(),
                                "topic", topic,
                                "department_id", department.toString()));
        String contact = unique("warga");
        Map<String, Object> form = new HashMap<>(Visitor.johnDoe());
        form.put("contact_email", contact);
        visitor.contact(session, form).expectStatus().isOk();
        return new Chat(visitor, session, contact, department);
    }

    private void says(Visitor.Session session, String text) {
        http.post()
                .uri("/api/oss-chat/session/{id}/messages", session.id())
                .headers(h -> h.setBearerAuth(session.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("client_msg_id", UUID.randomUUID().toString(), "text", text))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private void visitorEnds(Visitor.Session session) {
        http.post()
                .uri("/api/oss-chat/session/{id}/close", session.id())
                .headers(h -> h.setBearerAuth(session.token()))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private MimeMessage awaitOne(String address) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !smtp.to(address).isEmpty());
        return smtp.to(address).get(0);
    }

    private long outboxRowsTo(String address) {
        return count(
                "SELECT count(*) FROM mail_outbox WHERE lower(recipient) LIKE '%"
                        + address.toLowerCase().replace("'", "''")
                        + "%'");
    }

    @Test
    void aTranscriptForAStrangersAddressIsRefusedAndNothingIsSentThere() {
        Chat chat = chat("Izin lokasi", true);
        says(chat.session(), "Halo, ini pesan saya.");
        visitorEnds(chat.session());
        String victim = unique("korban");
        for (String asked :
                List.of(
                        victim,
                        victim.toUpperCase(),
                        chat.contact() + "," + victim,
                        "\"" + chat.contact() + "\" <" + victim + ">")) {
            http.post()
                    .uri("/api/oss-chat/session/{id}/transcript", chat.session().id())
                    .headers(h -> h.setBearerAuth(chat.session().token()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", asked))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.error")
                    .isEqualTo("validation_failed")
                    .jsonPath("$.fields.email")
                    .isNotEmpty();
        }
        // the good client beside it: the contact's own transcript, asked for by address, is fine
        http.post()
                .uri("/api/oss-chat/session/{id}/transcript", chat.session().id())
                .headers(h -> h.setBearerAuth(chat.session().token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", chat.contact()))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo(chat.contact());
        awaitOne(chat.contact());
        assertThat(smtp.to(victim)).isEmpty();
        assertThat(outboxRowsTo("korban")).isZero();
    }

    @Test
    void aContactAddressThatNamesAnotherRecipientOrAHeaderIsRefused() {
        Chat chat = chat("Izin usaha", true);
        String victim = unique("korban");
        for (String address :
                List.of(
                        "warga@contoh.co.id," + victim,
                        victim + ",x",
                        "warga@contoh.co.id\r\nBcc: " + victim,
                        "Warga <" + victim + ">",
                        "warga@contoh.co.id;" + victim,
                        "\"warga\"@contoh.co.id",
                        "warga@contoh",
                        "warga@-contoh.co.id",
                        "warga..x@contoh.co.id")) {
            Map<String, Object> form = new HashMap<>(Visitor.johnDoe());
            form.put("contact_email", address);
            chat.visitor()
                    .contact(chat.session(), form)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.error")
                    .isEqualTo("validation_failed")
                    .jsonPath("$.fields.contact_email")
                    .isNotEmpty();
        }
        // nothing changed: the contact is still the one the visitor gave first
        assertThat(
                        db.sql(
                                        "SELECT contact_email FROM chat_session_contacts WHERE session_id = :id")
                                .bind("id", UUID.fromString(chat.session().id()))
                                .map(row -> row.get(0, String.class))
                                .one()
                                .block())
                .isEqualTo(chat.contact());
        says(chat.session(), "Terima kasih");
        visitorEnds(chat.session());
        awaitOne(chat.contact());
        assertThat(smtp.to(victim)).isEmpty();
    }

    @Test
    void aVisitorWritingManyLinesWhileNobodyIsOnlineMailsTheDepartmentOnce() {
        Chat chat = chat("Pengaduan layanan", false);
        String department =
                db.sql("SELECT email FROM departments WHERE id = :id")
                        .bind("id", chat.department())
                        .map(row -> row.get(0, String.class))
                        .one()
                        .block();
        for (int i = 1; i <= 6; i++) {
            says(chat.session(), "Baris " + i + " dari keluhan saya.");
        }
        // mail is queued in the order things happened: once the transcript of the end is there,
        // every message before it has been handled
        visitorEnds(chat.session());
        awaitOne(chat.contact());
        MimeMessage mail = awaitOne(department);
        assertThat(smtp.to(department)).hasSize(1);
        assertThat(
                        count(
                                "SELECT count(*) FROM mail_outbox WHERE kind = 'offline_message' AND session_id = '"
                                        + chat.session().id()
                                        + "'"))
                .isEqualTo(1);
        assertThat(mail).isNotNull();
    }

    @Test
    void aTopicAsLongAsAllowedOrWithLineBreaksStillMailsWithAOneLineSubjectThatFits()
            throws Exception {
        String longTopic = "Perizinan ".repeat(25) + "akhir";
        assertThat(longTopic).hasSize(255);
        Chat chat = chat(longTopic, true);
        says(chat.session(), "Pertanyaan panjang.");
        visitorEnds(chat.session());
        MimeMessage mail = awaitOne(chat.contact());
        assertThat(mail.getSubject())
                .startsWith("Transkrip percakapan Anda dengan Layanan OSS: Perizinan")
                .endsWith("…")
                .hasSizeLessThanOrEqualTo(255)
                .doesNotContain("\r", "\n");

        // a topic stored before topics were checked, with a header in it
        Chat legacy = chat("Topik lama", true);
        String victim = unique("korban");
        db.sql("UPDATE chat_sessions SET topic = :t WHERE id = :id")
                .bind("t", "Topik lama\r\nBcc: " + victim)
                .bind("id", UUID.fromString(legacy.session().id()))
                .then()
                .block();
        says(legacy.session(), "Halo");
        visitorEnds(legacy.session());
        MimeMessage old = awaitOne(legacy.contact());
        assertThat(old.getSubject())
                .isEqualTo(
                        "Transkrip percakapan Anda dengan Layanan OSS: Topik lama Bcc: " + victim)
                .doesNotContain("\r", "\n");
        assertThat(smtp.to(victim)).isEmpty();
        // dedup keys are hashes: always 64 hex characters, whatever they name
        assertThat(
                        count(
                                "SELECT count(*) FROM mail_outbox WHERE session_id IN ('"
                                        + chat.session().id()
                                        + "', '"
                                        + legacy.session().id()
                                        + "') AND dedup_key !~ '^[0-9a-f]{64}$'"))
                .isZero();
    }
}
