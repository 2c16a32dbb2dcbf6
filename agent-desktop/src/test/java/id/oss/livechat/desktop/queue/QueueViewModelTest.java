package id.oss.livechat.desktop.queue;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.connection.ApiException;
import id.oss.livechat.desktop.testing.DemoData;
import id.oss.livechat.desktop.testing.DeskFixture;
import id.oss.livechat.model.Priority;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.model.staff.StaffSession;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueueViewModelTest {
    private DeskFixture desk;

    @BeforeEach
    void setUp() {
        desk = new DeskFixture().connected();
    }

    @Test
    void queueUpdatedReplacesTheWholeList() {
        desk.socket.push(new ServerFrame.QueueUpdated(DemoData.queue()));
        assertThat(desk.queue.items()).hasSize(4);

        desk.socket.push(new ServerFrame.QueueUpdated(List.of(DemoData.queue().get(2))));

        assertThat(desk.queue.items())
                .extracting(QueueItem::topic)
                .containsExactly("Cara mengubah KBLI pada izin usaha");
    }

    @Test
    void itemsShowWhatTheAgentNeedsToChoose() {
        desk.socket.push(new ServerFrame.QueueUpdated(DemoData.queue()));

        QueueItem first = desk.queue.items().get(0);
        assertThat(first.topic()).isEqualTo("Gagal unggah dokumen PB UMKU");
        assertThat(first.priority()).isEqualTo(Priority.URGENT);
        assertThat(first.department()).isEqualTo("Perizinan Berusaha");
        assertThat(first.contactName()).isEqualTo("Andi Pratama");
        assertThat(first.verified()).isTrue();
        assertThat(desk.queue.items().get(3).contactName()).isEmpty();
    }

    @Test
    void waitingTimeTicksFromQueuedAt() {
        desk.socket.push(new ServerFrame.QueueUpdated(DemoData.queue()));
        QueueItem item = desk.queue.items().get(2); // queued 97 s before NOW
        assertThat(item.waitingTimeProperty().get()).isEqualTo("1:37");

        desk.clock.advance(Duration.ofSeconds(25));
        desk.queue.tick();
        assertThat(item.waitingTimeProperty().get()).isEqualTo("2:02");

        desk.clock.advance(Duration.ofHours(1));
        desk.queue.tick();
        assertThat(item.waitingTimeProperty().get()).isEqualTo("1:02:02");
    }

    @Test
    void takingAChatAssignsItToMeAndOpensIt() {
        desk.api.waiting.addAll(DemoData.queue());
        desk.queue.load();
        StaffSession wanted = DemoData.queue().get(1);

        desk.queue.take(desk.queue.items().get(1));

        assertThat(desk.api.calls)
                .contains("assign " + wanted.sessionId() + " " + DemoData.AGENT.id());
        assertThat(desk.queue.items())
                .extracting(i -> i.session().sessionId())
                .doesNotContain(wanted.sessionId());
        assertThat(desk.chats.selected().sessionId()).isEqualTo(wanted.sessionId());
        assertThat(desk.chats.selected().session().status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(desk.queue.takingProperty().get()).isFalse();
    }

    @Test
    void takeNextTakesTheFirstInLine() {
        desk.api.waiting.addAll(DemoData.queue());
        desk.queue.load();

        desk.queue.takeNext();

        assertThat(desk.chats.selected().session().topic())
                .isEqualTo("Gagal unggah dokumen PB UMKU");
    }

    @Test
    void aChatSomeoneElseTookFirstLeavesTheQueueWithANotice() {
        desk.api.waiting.addAll(DemoData.queue());
        desk.queue.load();
        desk.api.assignFailure = new ApiException(409, "session_not_waiting", "already taken");

        desk.queue.take(desk.queue.items().get(0));

        assertThat(desk.queue.items()).hasSize(3);
        assertThat(desk.chats.chats()).isEmpty();
        assertThat(desk.notices)
                .last()
                .extracting(n -> n.text())
                .isEqualTo("Another agent took this chat first.");
    }

    @Test
    void aSupervisorAssignsAChatToAnAgent() {
        DeskFixture supervisor = new DeskFixture(DemoData.SUPERVISOR).connected();
        supervisor.api.waiting.addAll(DemoData.queue());
        supervisor.queue.load();
        supervisor.queue.loadAgents();
        assertThat(supervisor.queue.canAssignToOthers()).isTrue();
        assertThat(desk.queue.canAssignToOthers()).isFalse();

        supervisor.queue.assignTo(
                supervisor.queue.items().get(0), supervisor.queue.agents().get(1));

        assertThat(supervisor.api.calls)
                .contains("assign " + DemoData.queue().get(0).sessionId() + " " + DemoData.uuid(2));
        assertThat(supervisor.notices)
                .last()
                .extracting(n -> n.text())
                .isEqualTo("“Gagal unggah dokumen PB UMKU” assigned to Rudi Hartono.");
    }

    @Test
    void aNewArrivalInTheQueueCallsForAttentionButTheFirstListDoesNot() {
        desk.socket.push(new ServerFrame.QueueUpdated(DemoData.queue().subList(0, 2)));
        assertThat(desk.notices).isEmpty();

        desk.socket.push(new ServerFrame.QueueUpdated(DemoData.queue().subList(0, 3)));

        assertThat(desk.notices).singleElement().satisfies(n -> assertThat(n.attention()).isTrue());
    }
}
