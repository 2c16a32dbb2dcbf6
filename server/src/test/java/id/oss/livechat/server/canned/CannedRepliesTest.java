package id.oss.livechat.server.canned;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ApiErrors;
import id.oss.livechat.server.support.DeskCalls;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Canned replies as agents and supervisors use them: personal ones for everyone, shared ones per
 * department kept by supervisors, each agent seeing its own and its departments'.
 */
class CannedRepliesTest extends ServerTest {
    private static final String PATH = "/api/canned-responses";
    private DeskCalls desk;
    private UUID perizinan;
    private UUID teknis;
    private String agent;
    private String otherAgent;
    private String supervisor;

    @BeforeEach
    void aDeskWithTwoDepartments() {
        desk = new DeskCalls(http);
        StaffFixture staff = new StaffFixture(db, http);
        perizinan = staff.department();
        teknis = staff.department();
        agent = staff.login(staff.agent("away", 3, perizinan));
        otherAgent = staff.login(staff.agent("away", 3, perizinan));
        supervisor = staff.login(staff.member("supervisor", "away", 3));
    }

    @Test
    void anAgentSeesItsOwnRepliesAndItsDepartmentsSharedOnesOnly() {
        Map<String, Object> shared =
                create(supervisor, "nib", "Selamat {waktu}, NIB diterbitkan otomatis.", perizinan)
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(shared)
                .containsEntry("shortcut", "nib")
                .containsEntry("language", "id")
                .containsEntry("personal", false)
                .containsEntry("department_id", perizinan.toString());
        create(supervisor, "nib", "Teknis: reset kata sandi di halaman masuk.", teknis)
                .expectStatus()
                .isCreated();
        create(agent, "/Salam", "Halo {nama_pengunjung}, saya {nama_agen}.", null)
                .expectStatus()
                .isCreated();
        create(otherAgent, "salam", "Punya rekan saya sendiri.", null).expectStatus().isCreated();

        List<Map<String, Object>> mine = desk.list(agent, PATH);
        assertThat(mine)
                .extracting(r -> r.get("shortcut") + ":" + r.get("text"))
                .containsExactlyInAnyOrder(
                        "nib:Selamat {waktu}, NIB diterbitkan otomatis.",
                        "salam:Halo {nama_pengunjung}, saya {nama_agen}.");
        assertThat(mine)
                .filteredOn(r -> "salam".equals(r.get("shortcut")))
                .singleElement()
                .satisfies(r -> assertThat(r).containsEntry("personal", true));
        // supervisors keep every department's shared replies, and their own personal ones only
        assertThat(desk.list(supervisor, PATH))
                .extracting(r -> r.get("text"))
                .contains(
                        "Selamat {waktu}, NIB diterbitkan otomatis.",
                        "Teknis: reset kata sandi di halaman masuk.")
                .doesNotContain("Halo {nama_pengunjung}, saya {nama_agen}.");
    }

    @Test
    void anAgentMayUseButNotChangeItsDepartmentsSharedReplies() {
        String shared =
                id(create(supervisor, "kbli", "Ubah KBLI di menu Perubahan Data.", perizinan));
        String elsewhere = id(create(supervisor, "kbli", "Lain departemen.", teknis));

        ApiErrors.expect(
                create(agent, "kbli-saya", "Saya mau berbagi.", perizinan),
                HttpStatus.FORBIDDEN,
                "forbidden");
        ApiErrors.expect(
                desk.call(agent, HttpMethod.PUT, PATH + "/" + shared, body("kbli", "Diubah", null)),
                HttpStatus.FORBIDDEN,
                "forbidden");
        ApiErrors.expect(
                desk.call(agent, HttpMethod.DELETE, PATH + "/" + shared, null),
                HttpStatus.FORBIDDEN,
                "forbidden");
        // another department's shared reply is nothing the agent knows of
        ApiErrors.expect(
                desk.call(agent, HttpMethod.DELETE, PATH + "/" + elsewhere, null),
                HttpStatus.NOT_FOUND,
                "not_found");
        assertThat(desk.list(supervisor, PATH))
                .extracting(r -> r.get("text"))
                .contains("Ubah KBLI di menu Perubahan Data.", "Lain departemen.");

        // the supervisor changes and removes it
        Map<String, Object> changed =
                desk.json(
                        supervisor,
                        HttpMethod.PUT,
                        PATH + "/" + shared,
                        body("kbli", "KBLI diubah lewat Perubahan Data Usaha.", "en"));
        assertThat(changed)
                .containsEntry("text", "KBLI diubah lewat Perubahan Data Usaha.")
                .containsEntry("language", "en");
        desk.call(supervisor, HttpMethod.DELETE, PATH + "/" + shared, null)
                .expectStatus()
                .isNoContent();
        assertThat(desk.list(agent, PATH)).extracting(r -> r.get("id")).doesNotContain(shared);
    }

    @Test
    void someoneElsesPersonalReplyDoesNotExistForTheCaller() {
        String theirs = id(create(otherAgent, "pamit", "Terima kasih, sampai jumpa.", null));
        ApiErrors.expect(
                desk.call(agent, HttpMethod.PUT, PATH + "/" + theirs, body("pamit", "Saya", null)),
                HttpStatus.NOT_FOUND,
                "not_found");
        ApiErrors.expect(
                desk.call(supervisor, HttpMethod.DELETE, PATH + "/" + theirs, null),
                HttpStatus.NOT_FOUND,
                "not_found");
        // the owner changes and deletes its own
        assertThat(
                        desk.json(
                                otherAgent,
                                HttpMethod.PUT,
                                PATH + "/" + theirs,
                                body("sampai-jumpa", "Sampai jumpa lagi.", null)))
                .containsEntry("shortcut", "sampai-jumpa");
        desk.call(otherAgent, HttpMethod.DELETE, PATH + "/" + theirs, null)
                .expectStatus()
                .isNoContent();
        assertThat(desk.list(otherAgent, PATH)).isEmpty();
    }

    @Test
    void aShortcutTakenInTheSameScopeAndLanguageIsAConflict() {
        create(agent, "nib", "NIB saya.", null).expectStatus().isCreated();
        ApiErrors.expect(
                create(agent, "NIB", "NIB lagi.", null), HttpStatus.CONFLICT, "shortcut_taken");
        // the same shortcut in English, in another agent's or in a department's scope is fine
        Map<String, Object> english = body("nib", "About your NIB.", "en");
        desk.call(agent, HttpMethod.POST, PATH, english).expectStatus().isCreated();
        create(otherAgent, "nib", "NIB rekan.", null).expectStatus().isCreated();
        create(supervisor, "nib", "NIB bersama.", perizinan).expectStatus().isCreated();
        ApiErrors.expect(
                create(supervisor, "nib", "NIB bersama lagi.", perizinan),
                HttpStatus.CONFLICT,
                "shortcut_taken");
        // renaming onto a taken shortcut is refused too, and changes nothing
        String other = id(create(agent, "izin", "Izin usaha.", null));
        ApiErrors.expect(
                desk.call(agent, HttpMethod.PUT, PATH + "/" + other, body("nib", "Izin.", "id")),
                HttpStatus.CONFLICT,
                "shortcut_taken");
        assertThat(desk.list(agent, PATH))
                .extracting(r -> r.get("shortcut") + "/" + r.get("language"))
                .containsExactlyInAnyOrder("nib/id", "nib/en", "izin/id", "nib/id");
    }

    @Test
    void emptyOrOverlongRepliesAreRefusedNamingTheField() {
        create(agent, "kosong", "   ", null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.text")
                .isEqualTo("is required");
        create(agent, "panjang", "x".repeat(4001), null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.text")
                .isEqualTo("must be at most 4000 characters");
        create(agent, "", "Teks", null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.shortcut")
                .isEqualTo("is required");
        create(agent, "nib baru!", "Teks", null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.shortcut")
                .exists();
        Map<String, Object> french = body("nib", "Bonjour", "fr");
        desk.call(agent, HttpMethod.POST, PATH, french)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.language")
                .isEqualTo("must be one of id, en");
        ApiErrors.expect(
                create(supervisor, "nib", "Ke departemen yang tidak ada.", UUID.randomUUID()),
                HttpStatus.NOT_FOUND,
                "not_found");
        assertThat(desk.list(agent, PATH)).isEmpty();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec create(
            String token, String shortcut, String text, UUID department) {
        Map<String, Object> request = body(shortcut, text, null);
        if (department != null) {
            request.put("department_id", department.toString());
        }
        return desk.call(token, HttpMethod.POST, PATH, request);
    }

    private static Map<String, Object> body(String shortcut, String text, String language) {
        Map<String, Object> body = new HashMap<>();
        body.put("shortcut", shortcut);
        body.put("text", text);
        if (language != null) {
            body.put("language", language);
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private static String id(
            org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec created) {
        Map<String, Object> body =
                created.expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        return (String) body.get("id");
    }
}
