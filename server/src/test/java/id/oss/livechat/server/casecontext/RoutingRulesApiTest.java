package id.oss.livechat.server.casecontext;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code GET|PUT /api/routing-rules}: admins replace the whole list, supervisors read it, agents
 * neither; a bad rule is refused naming it, and changes nothing.
 */
class RoutingRulesApiTest extends ServerTest {

    @AfterEach
    void noRules() {
        put(demoToken("admin"), List.of()).expectStatus().isOk().expectBody();
    }

    private WebTestClient.ResponseSpec put(String token, List<Map<String, Object>> rules) {
        return http.put()
                .uri("/api/routing-rules")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(
                        h -> {
                            if (token != null) h.setBearerAuth(token);
                        })
                .bodyValue(Map.of("rules", rules))
                .exchange();
    }

    private WebTestClient.ResponseSpec get(String token) {
        return http.get()
                .uri("/api/routing-rules")
                .headers(
                        h -> {
                            if (token != null) h.setBearerAuth(token);
                        })
                .exchange();
    }

    @Test
    void anAdminReplacesTheRulesInOrderAndASupervisorReadsThem() {
        UUID teknis = new StaffFixture(db, http).department();
        UUID papua = new StaffFixture(db, http).department();
        put(
                        demoToken("admin"),
                        List.of(
                                Map.of(
                                        "field",
                                        "kbli",
                                        "match",
                                        "62",
                                        "department_id",
                                        teknis.toString()),
                                Map.of(
                                        "field",
                                        "province",
                                        "match",
                                        "Papua",
                                        "department_id",
                                        papua.toString()),
                                Map.of(
                                        "field",
                                        "licence_type",
                                        "match",
                                        " Izin ",
                                        "department_id",
                                        teknis.toString())))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rules.length()")
                .isEqualTo(3)
                .jsonPath("$.rules[2].match")
                .isEqualTo("Izin");
        get(demoToken("supervisor"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rules[0].field")
                .isEqualTo("kbli")
                .jsonPath("$.rules[0].match")
                .isEqualTo("62")
                .jsonPath("$.rules[0].department_id")
                .isEqualTo(teknis.toString())
                .jsonPath("$.rules[1].field")
                .isEqualTo("province");
    }

    @Test
    void agentsNeitherReadNorChangeRulesAndSupervisorsOnlyRead() {
        get(demoToken("agent1")).expectStatus().isForbidden().expectBody();
        get(null).expectStatus().isUnauthorized().expectBody();
        put(demoToken("agent1"), List.of()).expectStatus().isForbidden().expectBody();
        put(demoToken("supervisor"), List.of()).expectStatus().isForbidden().expectBody();
        put(null, List.of()).expectStatus().isUnauthorized().expectBody();
    }

    @Test
    void aBadRuleIsRefusedNamingItAndChangesNothing() {
        UUID teknis = new StaffFixture(db, http).department();
        put(
                        demoToken("admin"),
                        List.of(
                                Map.of(
                                        "field",
                                        "kbli",
                                        "match",
                                        "62",
                                        "department_id",
                                        teknis.toString())))
                .expectStatus()
                .isOk()
                .expectBody();
        db.sql("UPDATE departments SET active = false WHERE id = :d")
                .bind("d", teknis)
                .then()
                .block();
        UUID open = new StaffFixture(db, http).department();

        put(
                        demoToken("admin"),
                        List.of(
                                Map.of(
                                        "field",
                                        "kbli",
                                        "match",
                                        "6a",
                                        "department_id",
                                        open.toString()),
                                Map.of(
                                        "field",
                                        "npwp",
                                        "match",
                                        "01",
                                        "department_id",
                                        open.toString()),
                                Map.of(
                                        "field",
                                        "province",
                                        "match",
                                        "",
                                        "department_id",
                                        open.toString())))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields['rules[0].match']")
                .exists()
                .jsonPath("$.fields['rules[1].field']")
                .exists()
                .jsonPath("$.fields['rules[2].match']")
                .exists();
        put(
                        demoToken("admin"),
                        List.of(
                                Map.of(
                                        "field",
                                        "kbli",
                                        "match",
                                        "47",
                                        "department_id",
                                        open.toString()),
                                Map.of(
                                        "field",
                                        "kbli",
                                        "match",
                                        "62",
                                        "department_id",
                                        teknis.toString()),
                                Map.of(
                                        "field",
                                        "kbli",
                                        "match",
                                        "10",
                                        "department_id",
                                        UUID.randomUUID().toString())))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields['rules[1].department_id']")
                .isEqualTo("is not an open department")
                .jsonPath("$.fields['rules[2].department_id']")
                .isEqualTo("is not an open department");
        assertThat(count("SELECT count(*) FROM routing_rules"))
                .as("the earlier rule stands")
                .isEqualTo(1);
    }
}
