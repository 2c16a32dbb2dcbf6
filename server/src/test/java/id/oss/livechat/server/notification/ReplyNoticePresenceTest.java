package id.oss.livechat.server.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.TestMail;
import id.oss.livechat.server.support.Visitor;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * With a reply notice after a few seconds (far below the one-minute presence mark of old), a
 * visitor whose widget stays connected is never mailed a reply it sees, and one who left is.
 */
@TestPropertySource(properties = "REPLY_NOTICE_AFTER=6s")
class ReplyNoticePresenceTest extends ServerTest {
    private static final Duration AWAY = Duration.ofSeconds(6);

    private final TestMail smtp = TestMail.get();

    private record Chat(Visitor.Session session, String email, String agentToken) {}

    private Chat servedChat(String name) {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("online", 3, department);
        Visitor visitor = new Visitor(http);
        Visitor.Session session =
                visitor.start(
                        Map.of(
                                "browser_uuid",
                                visitor.browserUuid.toString(),
                                "topic",
                                "Perubahan KBLI",
                                "department_id",
                                department.toString()));
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@contoh.co.id";
        Map<String, Object> contact = new HashMap<>(Visitor.johnDoe());
        contact.put("contact_email", email);
        contact.put("contact_name", "Siti Rahma");
        visitor.contact(session, contact).expectStatus().isOk();
        assertThat(staff.agentOf(session.id())).isEqualTo(agent.id());
        return new Chat(session, email, staff.login(agent));
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

    /**
     * Whether the session's last sign of its visitor is at least {@code age} old (database time).
     */
    private boolean lastSeenOlderThan(Chat chat, Duration age) {
        return count(
                        "SELECT count(*) FROM chat_sessions WHERE id = '"
                                + chat.session().id()
                                + "' AND visitor_last_seen_at < now() - interval '"
                                + age.toMillis()
                                + " milliseconds'")
                == 1;
    }

    /** Whether the chat started at least {@code age} ago (database time). */
    private boolean startedBefore(Chat chat, Duration age) {
        return count(
                        "SELECT count(*) FROM chat_sessions WHERE id = '"
                                + chat.session().id()
                                + "' AND started_at < now() - interval '"
                                + age.toMillis()
                                + " milliseconds'")
                == 1;
    }

    @Test
    void aVisitorWithTheWidgetOpenGetsNoNoticeAndOneWhoLeftGetsOne() {
        Chat open = servedChat("terbuka");
        Chat gone = servedChat("pergi");
        try (ChatSocket widget = ChatSocket.signedIn(port, "/ws/visitor", open.session().token());
                ChatSocket closedTab =
                        ChatSocket.signedIn(port, "/ws/visitor", gone.session().token())) {
            widget.await(ServerFrame.SessionUpdated.class, u -> u.status() == SessionStatus.ACTIVE);
            closedTab.await(
                    ServerFrame.SessionUpdated.class, u -> u.status() == SessionStatus.ACTIVE);
            closedTab.close();

            // longer than REPLY_NOTICE_AFTER since either visitor signed in
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> startedBefore(open, AWAY.plusSeconds(1)));
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> lastSeenOlderThan(gone, AWAY));

            agentSays(gone, "NIB Anda sudah terbit, silakan unduh.");
            agentSays(open, "NIB Anda sudah terbit, silakan unduh.");

            await().atMost(Duration.ofSeconds(30)).until(() -> smtp.to(gone.email()).size() == 1);
            // the mail worker polls every 200 ms: had the other been mailed, it would be there
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> smtp.to(open.email()).isEmpty());
        }
    }
}
