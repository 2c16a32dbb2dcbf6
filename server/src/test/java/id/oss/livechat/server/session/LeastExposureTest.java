package id.oss.livechat.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Staff see what their work needs: an agent sees a visitor's sessions of its own departments (and
 * its own chats), not every department's; agents get colleagues' names and ids, not e-mails.
 */
class LeastExposureTest extends ServerTest {

    @Test
    @SuppressWarnings("unchecked")
    void anAgentSeesOnlyItsDepartmentsSessionsOfAVisitor() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID mine = staff.department();
        UUID other = staff.department();
        StaffFixture.Member agent = staff.agent("offline", 3, mine);
        Visitor visitor = new Visitor(http);
        Visitor.Session here = start(visitor, mine, "Izin di departemen saya");
        Visitor.Session elsewhere = start(visitor, other, "Urusan departemen lain");
        String chatUser = (String) here.body().get("chat_user_id");

        List<Map<String, Object>> seen = sessionsOf(chatUser, staff.login(agent));
        assertThat(seen).extracting(s -> s.get("session_id")).containsExactly(here.id());

        List<Map<String, Object>> supervisor = sessionsOf(chatUser, demoToken("supervisor"));
        assertThat(supervisor)
                .extracting(s -> s.get("session_id"))
                .containsExactlyInAnyOrder(here.id(), elsewhere.id());
    }

    @Test
    @SuppressWarnings("unchecked")
    void agentsGetColleaguesNamesButNotTheirEmails() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("offline", 3, department);
        StaffFixture.Member colleague = staff.agent("offline", 3, department);
        for (StaffFixture.Member m : List.of(agent, colleague)) {
            db.sql("UPDATE users SET email = :e WHERE id = :id")
                    .bind("e", m.username() + "@oss.example.id")
                    .bind("id", m.id())
                    .then()
                    .block();
        }
        String token = staff.login(agent);

        Map<String, Object> seenColleague = account(colleague.id(), token);
        assertThat(seenColleague.get("display_name")).isEqualTo("Staf " + colleague.username());
        assertThat(seenColleague.get("email")).isNull();
        List<Map<String, Object>> all =
                http
                        .get()
                        .uri("/api/agents")
                        .headers(h -> h.setBearerAuth(token))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBodyList(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .stream()
                        .map(m -> (Map<String, Object>) m)
                        .toList();
        assertThat(all)
                .filteredOn(a -> !agent.id().toString().equals(a.get("id")))
                .allMatch(a -> a.get("email") == null);
        assertThat(all)
                .filteredOn(a -> agent.id().toString().equals(a.get("id")))
                .singleElement()
                .extracting(a -> a.get("email"))
                .isEqualTo(agent.username() + "@oss.example.id");

        assertThat(account(colleague.id(), demoToken("admin")).get("email"))
                .isEqualTo(colleague.username() + "@oss.example.id");
    }

    private Visitor.Session start(Visitor visitor, UUID department, String topic) {
        return visitor.start(
                Map.of(
                        "browser_uuid",
                        visitor.browserUuid.toString(),
                        "topic",
                        topic,
                        "department_id",
                        department.toString()));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> sessionsOf(String chatUser, String token) {
        Map<String, Object> page =
                http.get()
                        .uri("/api/chat/visitors/" + chatUser + "/sessions")
                        .headers(h -> h.setBearerAuth(token))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        return (List<Map<String, Object>>) page.get("sessions");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> account(UUID id, String token) {
        return http.get()
                .uri("/api/agents/" + id)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }
}
