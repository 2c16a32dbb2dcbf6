package id.oss.livechat.desktop.fx;

import static id.oss.livechat.desktop.fx.FxDesk.eventually;
import static id.oss.livechat.desktop.fx.FxDesk.fx;
import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.connection.LinkState;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.testing.DemoData;
import id.oss.livechat.model.staff.StaffSession;
import java.time.Instant;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A message a visitor left while nobody was online waits in the queue marked as such, and a topic
 * chosen from the widget's list reads in the agent's language (here English, though the server
 * names it in Indonesian).
 */
@ExtendWith(ApplicationExtension.class)
class QueueLeftMessageTest {
    private final FxDesk desk = new FxDesk(AppLanguage.ENGLISH);

    /** A waiting session of the demo queue, as the server sends a coded, left message. */
    private static StaffSession leftMessage(StaffSession s, String topic, String code) {
        return new StaffSession(
                s.sessionId(),
                s.chatUserId(),
                s.status(),
                topic,
                s.priority(),
                s.department(),
                s.agent(),
                s.contact(),
                s.verified(),
                s.ossUserId(),
                s.visitorEmail(),
                s.startedAt(),
                s.queuedAt(),
                s.assignedAt(),
                s.endedAt(),
                s.closeReason(),
                s.lastSeq(),
                s.unread(),
                s.queuePosition(),
                s.lastMessage(),
                code,
                true,
                Instant.parse("2026-11-24T15:05:00Z"),
                null);
    }

    @Start
    void start(Stage stage) {
        List<StaffSession> queue = DemoData.queue();
        desk.ports.api.waiting.add(leftMessage(queue.get(0), "Pendaftaran NIB", "nib"));
        desk.ports.api.waiting.add(queue.get(1));
        // a left message routed straight to the agent: it never showed in the queue
        desk.ports.api.active.add(
                leftMessage(
                        DemoData.active(7, "Perizinan berusaha", DemoData.BUDI, false, 2, 1),
                        "Perizinan berusaha",
                        "perizinan"));
        desk.showMain(stage, DemoData.AGENT);
    }

    @Test
    void aLeftMessageIsMarkedInTheQueueAndInMyChatsAndItsTopicReadsInTheAgentsLanguage(
            FxRobot robot) throws Exception {
        desk.ports.socket.acceptAndAuthenticate();
        eventually(() -> desk.shell.mainViewModel().link().state() == LinkState.CONNECTED);
        eventually(() -> robot.lookup("#queue").queryAs(ListView.class).getItems().size() == 2);

        assertThat(robot.lookup("NIB registration").tryQuery()).isPresent();
        assertThat(robot.lookup("Pendaftaran NIB").tryQuery()).isEmpty();
        List<Node> marks =
                fx(
                        () ->
                                robot.lookup("#left-message").queryAll().stream()
                                        .filter(Node::isVisible)
                                        .toList());
        assertThat(marks).as("one chip, on the left message only").hasSize(1);
        assertThat(fx(() -> ((javafx.scene.control.Label) marks.get(0)).getText()))
                .isEqualTo("Left message");
        // the left message routed to the agent says so in "my chats" and over the chat: the reply
        // goes by e-mail too
        eventually(() -> desk.shell.mainViewModel().chats().chats().size() == 1);
        eventually(
                () ->
                        robot.lookup("#active-chats .left-message").queryAll().stream()
                                        .filter(Node::isVisible)
                                        .count()
                                == 1);
        eventually(
                () ->
                        robot.lookup("#chat-left-message")
                                .tryQuery()
                                .filter(Node::isVisible)
                                .isPresent());
        assertThat(
                        fx(
                                () ->
                                        robot.lookup("#chat-left-message")
                                                .queryAs(javafx.scene.control.Label.class)
                                                .getText()))
                .isEqualTo("Left message");
        Screenshots.save(
                (javafx.stage.Stage) robot.lookup("#queue").query().getScene().getWindow(),
                "desktop-left-message-in-my-chats.png");
        // the other visitor's free-text topic stays as written
        assertThat(robot.lookup("Status NIB belum terbit setelah verifikasi").tryQuery())
                .isPresent();
    }
}
