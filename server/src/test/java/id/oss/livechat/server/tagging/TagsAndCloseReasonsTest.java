package id.oss.livechat.server.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ApiErrors;
import id.oss.livechat.server.support.DeskCalls;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Admins keep the lists of tags and close reasons; agents tag the chats they serve and close them
 * with a reason from the list (or free text, as before); reports group and filter by both.
 */
class TagsAndCloseReasonsTest extends ServerTest {
    private DeskCalls desk;
    private StaffFixture staff;
    private UUID department;
    private StaffFixture.Member serving;
    private String agent;
    private String admin;
    private String supervisor;

    @BeforeEach
    void aDepartmentWithAnAgentOnline() {
        desk = new DeskCalls(http);
        staff = new StaffFixture(db, http);
        department = staff.department();
        serving = staff.agent("online", 5, department);
        agent = staff.login(serving);
        admin = demoToken("admin");
        supervisor = staff.login(staff.member("supervisor", "away", 3));
    }

    @Test
    void adminsDefineTagsAndCloseReasonsAndEveryoneReadsThem() {
        String code = DeskCalls.word("sertifikat-");
        Map<String, Object> created =
                desk.json(
                        admin,
                        HttpMethod.POST,
                        "/api/tags",
                        label(code, "Sertifikat standar", "Standard certificate"));
        assertThat(created)
                .containsEntry("code", code)
                .containsEntry("label_id", "Sertifikat standar")
                .containsEntry("label_en", "Standard certificate")
                .containsEntry("active", true);
        assertThat(desk.list(agent, "/api/tags")).extracting(t -> t.get("code")).contains(code);

        ApiErrors.expect(
                desk.call(supervisor, HttpMethod.POST, "/api/tags", label("lain", "Lain", "Other")),
                HttpStatus.FORBIDDEN,
                "forbidden");
        ApiErrors.expect(
                desk.call(agent, HttpMethod.PUT, "/api/tags/" + code, Map.of("active", false)),
                HttpStatus.FORBIDDEN,
                "forbidden");
        ApiErrors.expect(
                desk.call(admin, HttpMethod.POST, "/api/tags", label(code, "Lagi", "Again")),
                HttpStatus.CONFLICT,
                "code_taken");
        desk.call(admin, HttpMethod.POST, "/api/tags", Map.of("code", "x-" + code, "label_id", "X"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.label_en")
                .isEqualTo("is required");
        ApiErrors.expect(
                desk.call(admin, HttpMethod.PUT, "/api/tags/tidak-ada", Map.of("active", false)),
                HttpStatus.NOT_FOUND,
                "not_found");

        // renamed, then retired: no longer offered, still known
        assertThat(
                        desk.json(
                                admin,
                                HttpMethod.PUT,
                                "/api/tags/" + code,
                                Map.of("label_id", "Sertifikat Standar (SS)")))
                .containsEntry("label_id", "Sertifikat Standar (SS)")
                .containsEntry("label_en", "Standard certificate");
        desk.json(admin, HttpMethod.PUT, "/api/tags/" + code, Map.of("active", false));
        assertThat(desk.list(agent, "/api/tags"))
                .extracting(t -> t.get("code"))
                .doesNotContain(code);
        assertThat(desk.list(agent, "/api/tags?all=true"))
                .filteredOn(t -> code.equals(t.get("code")))
                .singleElement()
                .satisfies(t -> assertThat(t).containsEntry("active", false));

        String reason = DeskCalls.word("dirujuk-bpom-");
        desk.call(
                        admin,
                        HttpMethod.POST,
                        "/api/close-reasons",
                        label(reason, "Dirujuk ke BPOM", "Referred to BPOM"))
                .expectStatus()
                .isCreated();
        assertThat(desk.list(agent, "/api/close-reasons"))
                .extracting(r -> r.get("code"))
                .contains(reason, "terjawab");
        ApiErrors.expect(
                desk.call(agent, HttpMethod.POST, "/api/close-reasons", label("x", "X", "X")),
                HttpStatus.FORBIDDEN,
                "forbidden");
    }

    @Test
    void anAgentTagsTheChatsItServesAndNoOneElses() {
        String nib = tag("nib-"), kbli = tag("kbli-");
        Visitor.Session chat = desk.chat(department, "Perubahan KBLI", "Rina Siregar");
        assertThat(staff.agentOf(chat.id())).isEqualTo(serving.id());
        String path = "/api/chat/session/" + chat.id() + "/tags";

        Map<String, Object> tagged =
                desk.json(
                        agent,
                        HttpMethod.PUT,
                        path,
                        Map.of("tags", List.of(nib, kbli.toUpperCase())));
        assertThat(codes(tagged)).containsExactlyInAnyOrder(nib, kbli);
        assertThat(codes(desk.json(agent, HttpMethod.PUT, path, Map.of("tags", List.of(kbli)))))
                .containsExactly(kbli);

        // a colleague of the department reads them, but the chat is not theirs to tag
        String colleague = staff.login(staff.agent("away", 3, department));
        assertThat(codes(desk.json(colleague, HttpMethod.GET, path, null))).containsExactly(kbli);
        ApiErrors.expect(
                desk.call(colleague, HttpMethod.PUT, path, Map.of("tags", List.of(nib))),
                HttpStatus.FORBIDDEN,
                "forbidden");
        // an agent of another department may not even see them
        String stranger = staff.login(staff.agent("away", 3, staff.department()));
        ApiErrors.expect(
                desk.call(stranger, HttpMethod.GET, path, null), HttpStatus.FORBIDDEN, "forbidden");
        ApiErrors.expect(
                desk.call(stranger, HttpMethod.PUT, path, Map.of("tags", List.of(nib))),
                HttpStatus.FORBIDDEN,
                "forbidden");
        ApiErrors.expect(
                desk.call(
                        agent,
                        HttpMethod.PUT,
                        "/api/chat/session/" + UUID.randomUUID() + "/tags",
                        Map.of("tags", List.of(nib))),
                HttpStatus.NOT_FOUND,
                "not_found");
        desk.call(agent, HttpMethod.PUT, path, Map.of("tags", List.of(nib, "tidak-ada-tag")))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.tags")
                .isEqualTo("no such active tag: tidak-ada-tag");
        assertThat(codes(desk.json(agent, HttpMethod.GET, path, null))).containsExactly(kbli);

        // a supervisor tags any chat
        assertThat(
                        codes(
                                desk.json(
                                        supervisor,
                                        HttpMethod.PUT,
                                        path,
                                        Map.of("tags", List.of(nib, kbli)))))
                .containsExactlyInAnyOrder(nib, kbli);
    }

    @Test
    void aChatClosesWithAReasonFromTheListOrFreeTextAsBefore() {
        String reason = closeReason("terjawab-");
        Visitor.Session coded = desk.chat(department, "NIB", "Budi Santoso");
        Visitor.Session free = desk.chat(department, "PKKPR", "Siti Rahayu");
        Visitor.Session refused = desk.chat(department, "Akun", "Andi Wijaya");

        assertThat(close(coded, Map.of("reason_code", reason)))
                .containsEntry("close_reason", reason);
        assertThat(closeReasonCodeOf(coded)).isEqualTo(reason);
        assertThat(close(free, Map.of("reason", "Sudah dijelaskan lewat telepon")))
                .containsEntry("close_reason", "Sudah dijelaskan lewat telepon");
        assertThat(closeReasonCodeOf(free)).isNull();

        Map<String, Object> unknown =
                new HashMap<>(Map.of("session_id", refused.id(), "reason_code", "entah"));
        desk.call(agent, HttpMethod.POST, "/api/chat/close", unknown)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.reason_code")
                .isEqualTo("is not one of the close reasons");
        String retired = closeReason("lama-");
        desk.json(admin, HttpMethod.PUT, "/api/close-reasons/" + retired, Map.of("active", false));
        desk.call(
                        agent,
                        HttpMethod.POST,
                        "/api/chat/close",
                        Map.of("session_id", refused.id(), "reason_code", retired))
                .expectStatus()
                .isBadRequest();
        assertThat(staff.statusOf(refused.id())).isEqualTo("active");
    }

    @Test
    void reportsAndTheirCsvGroupAndFilterByTagsAndCloseReasons() {
        String nib = tag("nib-"), kbli = tag("kbli-");
        String answered = closeReason("terjawab-"), referred = closeReason("dirujuk-");
        Visitor.Session both = desk.chat(department, "NIB dan KBLI", "Budi Santoso");
        Visitor.Session one = desk.chat(department, "NIB", "Siti Rahayu");
        Visitor.Session none = desk.chat(department, "Lainnya", "Andi Wijaya");
        tagChat(both, nib, kbli);
        tagChat(one, nib);
        close(both, Map.of("reason_code", answered));
        close(one, Map.of("reason_code", referred, "reason", "=HYPERLINK(\"http://x\")"));
        close(none, Map.of("reason", "selesai"));

        String report = "/api/analytics?department_id=" + department;
        assertThat(sessionsPerRow(report + "&group_by=tag"))
                .containsEntry(nib, 2L)
                .containsEntry(kbli, 1L)
                .containsEntry("none", 1L)
                .hasSize(3);
        assertThat(sessionsPerRow(report + "&group_by=close_reason"))
                .containsEntry(answered, 1L)
                .containsEntry(referred, 1L)
                .containsEntry("none", 1L)
                .hasSize(3);
        assertThat(totalSessions(report + "&tag=" + kbli)).isEqualTo(1);
        assertThat(totalSessions(report + "&tag=" + nib + "&close_reason=" + referred))
                .isEqualTo(1);
        assertThat(totalSessions(report)).isEqualTo(3);
        ApiErrors.expect(
                desk.call(supervisor, HttpMethod.GET, report + "&tag=tidak-ada", null),
                HttpStatus.NOT_FOUND,
                "not_found");
        desk.call(supervisor, HttpMethod.GET, report + "&group_by=warna", null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.group_by")
                .isEqualTo(
                        "must be one of day, hour, department, agent, oss_user, tag, close_reason,"
                                + " licence_type, province");

        // the same report as CSV
        String csv =
                desk.text(
                        supervisor,
                        "/api/analytics/export.csv?group_by=tag&department_id=" + department);
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.get(0)).startsWith("key,label,sessions,assigned,abandoned,");
        assertThat(lines).anyMatch(l -> l.startsWith(nib + "," + nib.toUpperCase() + ",2,2,0,"));
        assertThat(lines).anyMatch(l -> l.startsWith("none,(no tag),1,1,0,"));
        assertThat(lines.get(lines.size() - 1)).startsWith("total,Total,3,3,0,");

        // the chat list: each chat with its tags and close reason, formulas defused
        String chats = desk.text(supervisor, "/api/chat/export.csv?department_id=" + department);
        List<String> rows = List.of(chats.split("\r\n"));
        assertThat(rows.get(0))
                .isEqualTo(
                        "session_id,started_at,ended_at,status,department,agent,topic_code,topic,"
                                + "contact_name,contact_email,contact_phone,company_name,oss_user_id,"
                                + "tags,close_reason_code,close_reason,rating");
        assertThat(rows).hasSize(4);
        String kbliFirst = kbli.compareTo(nib) < 0 ? kbli + ";" + nib : nib + ";" + kbli;
        assertThat(rows)
                .anyMatch(
                        r ->
                                r.startsWith(both.id() + ",")
                                        && r.contains(
                                                "," + kbliFirst + "," + answered + "," + answered
                                                        + ","));
        assertThat(rows)
                .anyMatch(
                        r ->
                                r.startsWith(one.id() + ",")
                                        && r.contains(
                                                ","
                                                        + nib
                                                        + ","
                                                        + referred
                                                        + ",\"'=HYPERLINK(\"\"http://x\"\")\","));
        assertThat(rows).anyMatch(r -> r.startsWith(none.id() + ",") && r.contains(",,,selesai,"));
        // phone numbers start with +: a spreadsheet reads them as text, not a formula
        assertThat(rows.get(1)).contains(",'+6281234567890,");
    }

    private String tag(String prefix) {
        String code = DeskCalls.word(prefix);
        desk.call(admin, HttpMethod.POST, "/api/tags", label(code, code.toUpperCase(), code))
                .expectStatus()
                .isCreated();
        return code;
    }

    private String closeReason(String prefix) {
        String code = DeskCalls.word(prefix);
        desk.call(
                        admin,
                        HttpMethod.POST,
                        "/api/close-reasons",
                        label(code, "Alasan " + code, "Reason " + code))
                .expectStatus()
                .isCreated();
        return code;
    }

    private void tagChat(Visitor.Session chat, String... codes) {
        desk.json(
                agent,
                HttpMethod.PUT,
                "/api/chat/session/" + chat.id() + "/tags",
                Map.of("tags", List.of(codes)));
    }

    private Map<String, Object> close(Visitor.Session chat, Map<String, Object> how) {
        Map<String, Object> body = new HashMap<>(how);
        body.put("session_id", chat.id());
        return desk.json(agent, HttpMethod.POST, "/api/chat/close", body);
    }

    private String closeReasonCodeOf(Visitor.Session chat) {
        return db.sql("SELECT close_reason_code FROM chat_sessions WHERE id = :id")
                .bind("id", UUID.fromString(chat.id()))
                .map(row -> java.util.Optional.ofNullable(row.get(0, String.class)))
                .one()
                .block()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> sessionsPerRow(String path) {
        Map<String, Long> sessions = new HashMap<>();
        List<Map<String, Object>> rows =
                (List<Map<String, Object>>)
                        desk.json(supervisor, HttpMethod.GET, path, null).get("rows");
        for (Map<String, Object> row : rows) {
            Map<String, Object> measures = (Map<String, Object>) row.get("measures");
            sessions.put((String) row.get("key"), ((Number) measures.get("sessions")).longValue());
        }
        return sessions;
    }

    @SuppressWarnings("unchecked")
    private long totalSessions(String path) {
        Map<String, Object> totals =
                (Map<String, Object>)
                        desk.json(supervisor, HttpMethod.GET, path, null).get("totals");
        return ((Number) totals.get("sessions")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(Map<String, Object> sessionTags) {
        return ((List<Map<String, Object>>) sessionTags.get("tags"))
                .stream().map(t -> (String) t.get("code")).toList();
    }

    private static Map<String, Object> label(String code, String labelId, String labelEn) {
        return Map.of("code", code, "label_id", labelId, "label_en", labelEn);
    }
}
