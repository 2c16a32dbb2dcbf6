package id.oss.livechat.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ServerTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class StaffAdministrationTest extends ServerTest {
    private String admin;

    @BeforeEach
    void signIn() {
        admin = demoToken("admin");
    }

    private WebTestClient.ResponseSpec send(String method, String path, Object body) {
        var request =
                http.method(org.springframework.http.HttpMethod.valueOf(method))
                        .uri(path)
                        .headers(h -> h.setBearerAuth(admin));
        return body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void anAdminCreatesADepartmentAndAnAgentWhoCanSignInAndWork() {
        String code = "ekspor-" + UUID.randomUUID().toString().substring(0, 6);
        String departmentId =
                send(
                                "POST",
                                "/api/departments",
                                Map.of(
                                        "code",
                                        code,
                                        "name",
                                        "Ekspor Impor",
                                        "email",
                                        "ekspor@oss.example.id"))
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("id")
                        .toString();

        String username = "budi-" + UUID.randomUUID().toString().substring(0, 6);
        @SuppressWarnings("unchecked")
        Map<String, Object> agent =
                send(
                                "POST",
                                "/api/agents",
                                Map.of(
                                        "username",
                                        username,
                                        "display_name",
                                        "Budi Santoso",
                                        "password",
                                        "rahasia-budi-1",
                                        "role",
                                        "agent",
                                        "department_ids",
                                        List.of(departmentId),
                                        "max_chats",
                                        4))
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(agent)
                .containsEntry("username", username)
                .containsEntry("max_chats", 4)
                .containsEntry("active", true)
                .containsEntry("status", "offline")
                .containsEntry("department_ids", List.of(departmentId));
        assertThat(
                        count(
                                "SELECT count(*) FROM users WHERE username = '"
                                        + username
                                        + "' AND password_hash LIKE '$2a$%'"))
                .isEqualTo(1);

        http.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username.toUpperCase(), "password", "rahasia-budi-1"))
                .exchange()
                .expectStatus()
                .isOk();

        send(
                        "PUT",
                        "/api/agents/" + agent.get("id"),
                        Map.of("max_chats", 6, "display_name", "Budi S."))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.max_chats")
                .isEqualTo(6)
                .jsonPath("$.display_name")
                .isEqualTo("Budi S.");
        send("GET", "/api/agents", null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.username == '" + username + "')].max_chats")
                .isEqualTo(6);

        http.get()
                .uri("/api/oss-chat/departments")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.departments[?(@.code == '" + code + "')].name")
                .isEqualTo("Ekspor Impor");
        send("PUT", "/api/departments/" + departmentId, Map.of("active", false))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.active")
                .isEqualTo(false);
        String visible =
                http.get()
                        .uri("/api/oss-chat/departments")
                        .exchange()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(visible).doesNotContain(code);
    }

    @Test
    void duplicatesAndInvalidFieldsAreRefusedAndChangeNothing() {
        long before =
                count("SELECT count(*) FROM users") + count("SELECT count(*) FROM departments");
        send(
                        "POST",
                        "/api/agents",
                        Map.of(
                                "username",
                                "agent1",
                                "display_name",
                                "Dup",
                                "password",
                                "long-enough-1",
                                "role",
                                "agent"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("username_taken");
        send(
                        "POST",
                        "/api/agents",
                        Map.of(
                                "username",
                                "x y",
                                "display_name",
                                "",
                                "password",
                                "short",
                                "role",
                                "agent",
                                "max_chats",
                                99))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.username")
                .isNotEmpty()
                .jsonPath("$.fields.display_name")
                .isNotEmpty()
                .jsonPath("$.fields.password")
                .isNotEmpty()
                .jsonPath("$.fields.max_chats")
                .isNotEmpty();
        send(
                        "POST",
                        "/api/agents",
                        Map.of(
                                "username",
                                "ghost",
                                "display_name",
                                "G",
                                "password",
                                "long-enough-1",
                                "role",
                                "wizard"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.role")
                .isNotEmpty();
        send(
                        "POST",
                        "/api/agents",
                        Map.of(
                                "username",
                                "ghost2",
                                "display_name",
                                "G",
                                "password",
                                "long-enough-1",
                                "role",
                                "agent",
                                "department_ids",
                                List.of(UUID.randomUUID().toString())))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.department_ids")
                .isNotEmpty();
        send("POST", "/api/departments", Map.of("code", "umum", "name", "Lagi"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("code_taken");
        send("POST", "/api/departments", Map.of("code", "Bad Code", "name", ""))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.code")
                .isNotEmpty()
                .jsonPath("$.fields.name")
                .isNotEmpty();
        assertThat(count("SELECT count(*) FROM users") + count("SELECT count(*) FROM departments"))
                .isEqualTo(before);
    }

    @Test
    void theDefaultDepartmentCannotBeClosed() {
        String defaultId =
                db.sql("SELECT id FROM departments WHERE is_default")
                        .map(r -> r.get(0, UUID.class))
                        .one()
                        .block()
                        .toString();
        send("PUT", "/api/departments/" + defaultId, Map.of("active", false))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("default_department");
    }
}
