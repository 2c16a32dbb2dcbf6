package id.oss.livechat.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A citizen's own copy: a proven OSS user gets all of its chats with contact data and messages,
 * never a staff-only note nor another user's chat; without valid proof it gets 401; each copy is
 * audited.
 */
class MyDataTest extends ServerTest {
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String ossUser = "MYDATA-" + tag;
    private final String email = "saya-" + tag + "@contoh.co.id";
    private final String visitorText = "Bagaimana izin lokasi saya " + tag;
    private final String agentText = "Sudah kami cek " + tag;
    private final String note = "CATATAN STAF " + tag;

    @Test
    @SuppressWarnings("unchecked")
    void aProvenUserGetsAllItsChatsWithoutStaffNotesAndTheCopyIsAudited() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member first = staff.agent("online", 3, department);
        String firstToken = staff.login(first);
        Visitor.Session session = start(ossUser, department);
        Map<String, Object> contact = new HashMap<>(Visitor.johnDoe());
        contact.put("contact_email", email);
        new Visitor(http).contact(session, contact).expectStatus().isOk();
        send("/api/oss-chat/session/" + session.id() + "/messages", session.token(), visitorText);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> first.id().equals(staff.agentOf(session.id())));
        send("/api/chat/session/" + session.id() + "/messages", firstToken, agentText);
        http.post()
                .uri("/api/chat/transfer")
                .headers(h -> h.setBearerAuth(firstToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of(
                                "session_id",
                                session.id(),
                                "department_id",
                                department.toString(),
                                "note",
                                note))
                .exchange()
                .expectStatus()
                .isOk();
        // another citizen's chat, which must stay out of this copy
        String otherText = "Pesan orang lain " + tag;
        Visitor.Session other = start("OTHER-" + tag, department);
        send("/api/oss-chat/session/" + other.id() + "/messages", other.token(), otherText);

        String json =
                myData(ossUser, identityHash(ossUser))
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        Map<String, Object> copy =
                myData(ossUser, identityHash(ossUser))
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();

        assertThat(copy.get("oss_user_id")).isEqualTo(ossUser);
        List<Map<String, Object>> chats = (List<Map<String, Object>>) copy.get("chats");
        assertThat(chats).hasSize(1);
        Map<String, Object> chat = chats.get(0);
        assertThat(chat.get("id")).isEqualTo(session.id());
        assertThat(((Map<String, Object>) chat.get("contact")).get("email")).isEqualTo(email);
        // no privacy notice is configured here: nothing was agreed to, and the copy says so
        assertThat(chat).containsEntry("consent_at", null).containsEntry("consent_notice", null);
        List<String> texts =
                ((List<Map<String, Object>>) chat.get("messages"))
                        .stream().map(m -> (String) m.get("text")).toList();
        assertThat(texts).contains(visitorText, agentText);
        assertThat(json).doesNotContain(note).doesNotContain(otherText);
        assertThat(
                        count(
                                "SELECT count(*) FROM audit_log WHERE action = 'privacy.my_data_exported'"
                                        + " AND actor = 'visitor' AND subject = 'visitor:' || (SELECT chat_user_id FROM chat_sessions WHERE id = '"
                                        + session.id()
                                        + "')"))
                .isEqualTo(2);
        assertThat(ErasureTest.verifyAudit()).startsWith("0 ");
    }

    @Test
    void withoutValidProofTheAnswerIs401AndNothingIsGiven() {
        long before =
                count("SELECT count(*) FROM audit_log WHERE action = 'privacy.my_data_exported'");
        myData(ossUser, "0".repeat(64)).expectStatus().isUnauthorized();
        myData(ossUser, identityHash("SOMEONE-ELSE")).expectStatus().isUnauthorized();
        myData(ossUser, null)
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_identity");
        myData(null, identityHash(ossUser))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.oss_user_id")
                .exists();
        // proven, but never chatted: an empty copy
        myData("NEVER-" + tag, identityHash("NEVER-" + tag))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.chats")
                .isEmpty();
        assertThat(
                        count(
                                "SELECT count(*) FROM audit_log WHERE action = 'privacy.my_data_exported'"))
                .isEqualTo(before);
    }

    private Visitor.Session start(String user, UUID department) {
        Visitor visitor = new Visitor(http);
        return visitor.start(
                Map.of(
                        "browser_uuid", visitor.browserUuid.toString(),
                        "oss_user_id", user,
                        "identity_hash", identityHash(user),
                        "topic", "Izin lokasi",
                        "department_id", department.toString()));
    }

    private WebTestClient.ResponseSpec myData(String user, String hash) {
        StringBuilder uri = new StringBuilder("/api/oss-chat/my-data?");
        if (user != null) {
            uri.append("oss_user_id=").append(user).append('&');
        }
        if (hash != null) {
            uri.append("identity_hash=").append(hash);
        }
        return http.get().uri(uri.toString()).exchange();
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
}
