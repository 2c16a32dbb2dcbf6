package id.oss.livechat.server.casecontext;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import id.oss.livechat.server.visitor.IdentityProof;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The portal passes the citizen's case when a chat starts. Signed by the portal's backend, it is
 * shown to staff as verified and routes by the admins' rules; unsigned or badly signed, it is shown
 * as unverified and routes nowhere; of the wrong shape, the start is refused naming the field.
 */
class CaseContextTest extends ServerTest {
    private UUID licensing;
    private UUID fallback;
    private String admin;

    @BeforeEach
    void rules() {
        StaffFixture staff = new StaffFixture(db, http);
        licensing = staff.department();
        fallback = staff.department();
        admin = demoToken("admin");
        putRules(
                        List.of(
                                Map.of(
                                        "field",
                                        "province",
                                        "match",
                                        "Papua Tengah",
                                        "department_id",
                                        fallback.toString()),
                                Map.of(
                                        "field",
                                        "kbli",
                                        "match",
                                        "561",
                                        "department_id",
                                        licensing.toString())))
                .expectStatus()
                .isOk()
                .expectBody();
    }

    @AfterEach
    void noRules() {
        putRules(List.of()).expectStatus().isOk().expectBody();
    }

    private WebTestClient.ResponseSpec putRules(List<Map<String, Object>> rules) {
        return http.put()
                .uri("/api/routing-rules")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(admin))
                .bodyValue(Map.of("rules", rules))
                .exchange();
    }

    static Map<String, Object> theCase() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("nib", "9120001234567");
        context.put("application_number", "PB-UMKU-202611-000123");
        context.put("kbli", List.of("56101", "47111"));
        context.put("licence_type", "Sertifikat Standar");
        context.put("province", "DKI Jakarta");
        return context;
    }

    private static String signed(Map<String, Object> context) {
        return IdentityProof.hashFor(IDENTITY_SECRET, CanonicalJson.of(context));
    }

    private Map<String, Object> startRequest(
            Visitor visitor, Map<String, Object> context, String hash) {
        Map<String, Object> request = new HashMap<>();
        request.put("browser_uuid", visitor.browserUuid.toString());
        request.put("topic_code", "perizinan");
        request.put("default_department_id", fallback.toString());
        if (context != null) {
            request.put("context", context);
        }
        if (hash != null) {
            request.put("context_hash", hash);
        }
        return request;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> staffView(String sessionId) {
        return http.get()
                .uri("/api/chat/session/{id}", sessionId)
                .headers(h -> h.setBearerAuth(demoToken("supervisor")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSignedCaseRoutesByTheFirstMatchingRuleAndStaffSeeItVerified() {
        Visitor visitor = new Visitor(http);
        Visitor.Session session =
                visitor.start(startRequest(visitor, theCase(), signed(theCase())));

        assertThat((Map<String, Object>) session.body().get("department"))
                .as("KBLI 56101 starts with 561: the licensing department")
                .containsEntry("id", licensing.toString());
        Map<String, Object> view = staffView(session.id());
        assertThat(view).containsEntry("context_verified", true);
        assertThat((Map<String, Object>) view.get("context"))
                .containsEntry("nib", "9120001234567")
                .containsEntry("application_number", "PB-UMKU-202611-000123")
                .containsEntry("kbli", List.of("56101", "47111"))
                .containsEntry("licence_type", "Sertifikat Standar")
                .containsEntry("province", "DKI Jakarta");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSameCaseUnsignedOrBadlySignedIsUnverifiedAndRoutesByDefault() {
        Visitor unsigned = new Visitor(http);
        Visitor.Session plain = unsigned.start(startRequest(unsigned, theCase(), null));
        Map<String, Object> tampered = theCase();
        tampered.put("kbli", List.of("56102"));
        Visitor forger = new Visitor(http);
        Visitor.Session forged = forger.start(startRequest(forger, tampered, signed(theCase())));
        Visitor garbler = new Visitor(http);
        Visitor.Session garbled = garbler.start(startRequest(garbler, theCase(), "not-hex"));

        for (Visitor.Session s : List.of(plain, forged, garbled)) {
            assertThat((Map<String, Object>) s.body().get("department"))
                    .as("never routed by its case: the page's default department")
                    .containsEntry("id", fallback.toString());
            Map<String, Object> view = staffView(s.id());
            assertThat(view).containsEntry("context_verified", false);
            assertThat((Map<String, Object>) view.get("context"))
                    .containsEntry("nib", "9120001234567");
        }
        assertThat((Map<String, Object>) staffView(forged.id()).get("context"))
                .as("stored as it came")
                .containsEntry("kbli", List.of("56102"));
        // and a chat without a case has none
        Visitor none = new Visitor(http);
        Map<String, Object> view = staffView(none.start(startRequest(none, null, null)).id());
        assertThat(view).containsEntry("context", null).containsEntry("context_verified", false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDepartmentTheVisitorChoseWinsOverTheRules() {
        UUID chosen = new StaffFixture(db, http).department();
        Visitor visitor = new Visitor(http);
        Map<String, Object> request = startRequest(visitor, theCase(), signed(theCase()));
        request.put("department_id", chosen.toString());
        Visitor.Session session = visitor.start(request);
        assertThat((Map<String, Object>) session.body().get("department"))
                .containsEntry("id", chosen.toString());
        assertThat(staffView(session.id())).containsEntry("context_verified", true);
    }

    private void refused(Map<String, Object> context, String hash, String field) {
        Visitor visitor = new Visitor(http);
        http.post()
                .uri("/api/oss-chat/start")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(startRequest(visitor, context, hash))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("validation_failed")
                .jsonPath("$.fields['" + field + "']")
                .exists();
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_users WHERE browser_uuid = '"
                                        + visitor.browserUuid
                                        + "'"))
                .as("a refused start stores nothing")
                .isZero();
    }

    @Test
    void aCaseOfTheWrongShapeIsRefusedNamingTheField() {
        Map<String, Object> shortNib = theCase();
        shortNib.put("nib", "912000");
        refused(shortNib, null, "context.nib");
        Map<String, Object> numberNib = theCase();
        numberNib.put("nib", 9120001234567L);
        refused(numberNib, null, "context.nib");
        Map<String, Object> badKbli = theCase();
        badKbli.put("kbli", List.of("56101", "5610"));
        refused(badKbli, null, "context.kbli[1]");
        Map<String, Object> unknown = theCase();
        unknown.put("npwp", "01.234.567.8-901.000");
        refused(unknown, null, "context.npwp");
        Map<String, Object> longProvince = theCase();
        longProvince.put("province", "P".repeat(101));
        refused(longProvince, null, "context.province");
        refused(new HashMap<>(), null, "context");
        refused(null, signed(theCase()), "context_hash");
    }

    @Test
    @SuppressWarnings("unchecked")
    void analyticsGroupChatsByTheLicenceTypeAndProvinceOfVerifiedCases() {
        Map<String, Object> izin = theCase();
        izin.put("licence_type", "Izin");
        izin.put("province", "Jawa Barat");
        for (Map<String, Object> context : List.of(theCase(), izin)) {
            Visitor visitor = new Visitor(http);
            visitor.start(startRequest(visitor, context, signed(context)));
        }
        Visitor unsigned = new Visitor(http);
        Map<String, Object> request = startRequest(unsigned, izin, null);
        request.put("department_id", licensing.toString());
        unsigned.start(request);

        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).toString();
        Map<String, Object> byLicence =
                http.get()
                        .uri(
                                "/api/analytics?from={d}&to={d}&group_by=licence_type&department_id={id}",
                                today,
                                today,
                                licensing)
                        .headers(h -> h.setBearerAuth(demoToken("supervisor")))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        Map<String, Object> sessionsByKey = new LinkedHashMap<>();
        ((List<Map<String, Object>>) byLicence.get("rows"))
                .forEach(
                        row ->
                                sessionsByKey.put(
                                        (String) row.get("key"),
                                        ((Map<String, Object>) row.get("measures"))
                                                .get("sessions")));
        assertThat(sessionsByKey)
                .as("the unsigned case's licence type is not believed")
                .containsExactly(
                        Map.entry("Izin", 1),
                        Map.entry("Sertifikat Standar", 1),
                        Map.entry("none", 1));
        http.get()
                .uri(
                        "/api/analytics?from={d}&to={d}&group_by=province&department_id={id}",
                        today,
                        today,
                        licensing)
                .headers(h -> h.setBearerAuth(demoToken("supervisor")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rows[0].key")
                .isEqualTo("DKI Jakarta")
                .jsonPath("$.rows[1].key")
                .isEqualTo("Jawa Barat")
                .jsonPath("$.rows[2].key")
                .isEqualTo("none")
                .jsonPath("$.rows[2].label")
                .isEqualTo("(no verified case)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDemoPortalsSignedCaseIsTheWorkedExampleAndVerifies() {
        Map<String, Object> signed =
                http.get()
                        .uri("/demo/case")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        Map<String, Object> context = (Map<String, Object>) signed.get("context");
        assertThat(CanonicalJson.of(context)).isEqualTo(CanonicalJsonTest.EXAMPLE_CANONICAL);
        Visitor visitor = new Visitor(http);
        Visitor.Session session =
                visitor.start(startRequest(visitor, context, (String) signed.get("context_hash")));
        assertThat(staffView(session.id())).containsEntry("context_verified", true);
    }
}
