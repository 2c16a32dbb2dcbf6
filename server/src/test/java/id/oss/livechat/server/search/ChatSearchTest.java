package id.oss.livechat.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ApiErrors;
import id.oss.livechat.server.support.DeskCalls;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Staff find "that chat about PKKPR last week": by a word of a message (staff-only notes included),
 * the topic or the contact, within the chats they may see, most relevant first, with the words
 * found marked.
 */
class ChatSearchTest extends ServerTest {
    private DeskCalls desk;
    private StaffFixture staff;
    private UUID perizinan;
    private UUID teknis;
    private StaffFixture.Member perizinanAgent;
    private StaffFixture.Member teknisAgent;
    private String supervisor;

    @BeforeEach
    void twoDepartmentsWithAnAgentEach() {
        desk = new DeskCalls(http);
        staff = new StaffFixture(db, http);
        perizinan = staff.department();
        teknis = staff.department();
        perizinanAgent = staff.agent("online", 10, perizinan);
        teknisAgent = staff.agent("online", 10, teknis);
        supervisor = staff.login(staff.member("supervisor", "away", 3));
    }

    @Test
    void aChatIsFoundByAWordOfAMessageWithTheWordMarked() {
        String pkkpr = DeskCalls.word("pkkpr");
        Visitor.Session chat = desk.chat(perizinan, "Perizinan berusaha", "Rina Siregar");
        desk.visitorWrites(chat, "Selamat siang, lokasi usaha saya di Bekasi.");
        desk.visitorWrites(chat, "Apakah saya perlu " + pkkpr + " dulu sebelum PBG?");
        desk.staffWrites(staff.login(perizinanAgent), chat.id(), "Baik, saya periksa dulu.");

        Map<String, Object> page = search(staff.login(perizinanAgent), pkkpr.toUpperCase());
        List<Map<String, Object>> results = results(page);
        assertThat(results).hasSize(1);
        Map<String, Object> found = results.get(0);
        assertThat(found)
                .containsEntry("session_id", chat.id())
                .containsEntry("topic", "Perizinan berusaha")
                .containsEntry("contact_name", "Rina Siregar")
                .containsEntry("status", "active");
        assertThat(((Map<?, ?>) found.get("department")).get("id")).isEqualTo(perizinan.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> hit = (Map<String, Object>) found.get("hit");
        assertThat(hit)
                .containsEntry("field", "message")
                .containsEntry("seq", 2)
                .containsEntry("sender_type", "visitor")
                .containsEntry("internal", false);
        assertThat(snippet(hit)).isEqualTo("Apakah saya perlu [" + pkkpr + "] dulu sebelum PBG?");
        assertThat(page).containsEntry("has_more", false).containsEntry("next_cursor", null);
    }

    @Test
    void anAgentFindsOnlyTheChatsOfItsDepartmentsWhileASupervisorFindsAll() {
        String kbli = DeskCalls.word("kbli");
        Visitor.Session mine = desk.chat(perizinan, "Perubahan data usaha", "Budi Santoso");
        Visitor.Session theirs = desk.chat(teknis, "Akun dan login OSS", "Siti Rahayu");
        desk.visitorWrites(mine, "Mau ubah " + kbli + " usaha saya");
        desk.visitorWrites(theirs, "Setelah ubah " + kbli + " saya tidak bisa login");

        assertThat(sessionsFound(staff.login(perizinanAgent), kbli)).containsExactly(mine.id());
        assertThat(sessionsFound(staff.login(teknisAgent), kbli)).containsExactly(theirs.id());
        assertThat(sessionsFound(supervisor, kbli))
                .containsExactlyInAnyOrder(mine.id(), theirs.id());
        // asking for the other department's chats finds nothing of them either
        assertThat(
                        results(
                                desk.json(
                                        staff.login(perizinanAgent),
                                        HttpMethod.GET,
                                        "/api/chat/search?q=" + kbli + "&department_id=" + teknis,
                                        null)))
                .isEmpty();
        assertThat(sessionsFoundIn(supervisor, kbli, teknis)).containsExactly(theirs.id());
        // nor can its transcript be opened
        ApiErrors.expect(
                desk.call(
                        staff.login(perizinanAgent),
                        HttpMethod.GET,
                        "/api/chat/session/" + theirs.id() + "/messages",
                        null),
                HttpStatus.FORBIDDEN,
                "forbidden");
    }

    @Test
    void staffFindStaffOnlyNotesTopicsAndContacts() {
        String note = DeskCalls.word("amdal");
        String company = DeskCalls.word("sinar");
        Visitor.Session chat = desk.chat(perizinan, "Izin lingkungan", "Dewi Lestari");
        desk.visitorWrites(chat, "Halo");
        StaffFixture.Member next = staff.agent("online", 10, perizinan);
        desk.call(
                        staff.login(perizinanAgent),
                        HttpMethod.POST,
                        "/api/chat/transfer",
                        Map.of(
                                "session_id", chat.id(),
                                "agent_id", next.id().toString(),
                                "note", "Pengunjung butuh " + note + " untuk pabrik"))
                .expectStatus()
                .isOk();

        @SuppressWarnings("unchecked")
        Map<String, Object> hit =
                (Map<String, Object>) results(search(supervisor, note)).get(0).get("hit");
        assertThat(hit).containsEntry("internal", true).containsEntry("sender_type", "system");
        assertThat(snippet(hit)).contains("[" + note + "]");

        Visitor.Session withCompany = desk.chat(perizinan, "Izin usaha " + company, "Agus Pratama");
        List<Map<String, Object>> byTopic = results(search(supervisor, company));
        assertThat(byTopic).extracting(r -> r.get("session_id")).containsExactly(withCompany.id());
        assertThat(((Map<?, ?>) byTopic.get(0).get("hit")).get("field")).isEqualTo("topic");

        String surname = DeskCalls.word("wibowo");
        Visitor.Session byName = desk.chat(perizinan, "Lainnya", "Hendra " + surname);
        List<Map<String, Object>> byContact = results(search(supervisor, "hendra " + surname));
        assertThat(byContact).extracting(r -> r.get("session_id")).containsExactly(byName.id());
        @SuppressWarnings("unchecked")
        Map<String, Object> contactHit = (Map<String, Object>) byContact.get(0).get("hit");
        assertThat(contactHit).containsEntry("field", "contact");
        assertThat(snippet(contactHit)).startsWith("[Hendra] [" + surname + "]");
    }

    @Test
    void theBestMatchComesFirstAndPagesFollowWithoutRepeats() {
        String word = DeskCalls.word("halal");
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Visitor.Session chat = desk.chat(perizinan, "Sertifikat", "Pengunjung " + i);
            desk.visitorWrites(chat, "Tanya " + word + " nomor " + i);
            started.add(chat.id());
        }
        // the contact's name weighs more than a word in a message
        Visitor.Session named = desk.chat(perizinan, "Lainnya", "Toko " + word);
        String token = staff.login(perizinanAgent);

        Map<String, Object> first =
                desk.json(token, HttpMethod.GET, "/api/chat/search?q=" + word + "&limit=4", null);
        assertThat(results(first).get(0)).containsEntry("session_id", named.id());
        assertThat(first).containsEntry("has_more", true);
        Map<String, Object> second =
                desk.json(
                        token,
                        HttpMethod.GET,
                        "/api/chat/search?q="
                                + word
                                + "&limit=4&cursor="
                                + first.get("next_cursor"),
                        null);
        assertThat(second).containsEntry("has_more", false);
        List<Object> all = new ArrayList<>();
        results(first).forEach(r -> all.add(r.get("session_id")));
        results(second).forEach(r -> all.add(r.get("session_id")));
        assertThat(all).doesNotHaveDuplicates().hasSize(6).containsAll(started);
    }

    @Test
    void aQueryThatCannotBeSearchedIsRefusedNamingTheField() {
        String token = staff.login(perizinanAgent);
        for (String q : List.of("", "   ", "x".repeat(201), "?!..., ,", "\"\" -- ## &&")) {
            searching(token, q)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.fields.q")
                    .exists();
        }
        desk.call(token, HttpMethod.GET, "/api/chat/search", null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.q")
                .isEqualTo("is required");
        desk.call(token, HttpMethod.GET, "/api/chat/search?q=nib&cursor=abc", null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.cursor")
                .exists();
        desk.call(token, HttpMethod.GET, "/api/chat/search?q=nib&limit=51", null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.limit")
                .exists();
        desk.call(token, HttpMethod.GET, "/api/chat/search?q=nib&from=kemarin", null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.from")
                .exists();
        // 200 characters with a word in them are fine
        searching(token, "a".repeat(200))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
    }

    private Map<String, Object> search(String token, String q) {
        @SuppressWarnings("unchecked")
        Map<String, Object> page =
                searching(token, q)
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        return page;
    }

    /** A search for {@code q}, encoded as a browser would. */
    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec searching(
            String token, String q) {
        return http.get()
                .uri(b -> b.path("/api/chat/search").queryParam("q", "{q}").build(q))
                .headers(h -> h.setBearerAuth(token))
                .exchange();
    }

    private List<Object> sessionsFound(String token, String q) {
        return results(search(token, q)).stream().map(r -> r.get("session_id")).toList();
    }

    private List<Object> sessionsFoundIn(String token, String q, UUID department) {
        return results(
                        desk.json(
                                token,
                                HttpMethod.GET,
                                "/api/chat/search?q=" + q + "&department_id=" + department,
                                null))
                .stream()
                .map(r -> r.get("session_id"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> results(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("results");
    }

    /** The snippet with the matched words in brackets, as a reader sees them in bold. */
    @SuppressWarnings("unchecked")
    static String snippet(Map<String, Object> hit) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> part : (List<Map<String, Object>>) hit.get("snippet")) {
            boolean match = (Boolean) part.get("match");
            text.append(match ? "[" : "").append(part.get("text")).append(match ? "]" : "");
        }
        return text.toString();
    }
}
