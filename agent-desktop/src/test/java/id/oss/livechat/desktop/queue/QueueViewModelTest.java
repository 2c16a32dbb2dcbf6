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
    void aTakeRefusedAtCapacityKeepsTheChatNamesTheReasonAndRefreshesTheQueue() {
        desk.api.waiting.addAll(DemoData.queue());
        desk.queue.load();
        desk.api.assignFailure =
                new ApiException(
                        409,
                        "agent_at_capacity",
                        "The agent already has as many chats as allowed.");
        // meanwhile another visitor joined: the refresh after the refusal shows it at once
        desk.api.waiting.add(
                DemoData.waiting(
                        5, "Izin lokasi", Priority.NORMAL, DemoData.PERIZINAN, null, false, 5));

        desk.queue.take(desk.queue.items().get(0));

        assertThat(desk.queue.items()).hasSize(5);
        assertThat(desk.queue.items().get(0).topic()).isEqualTo("Gagal unggah dokumen PB UMKU");
        assertThat(desk.chats.chats()).isEmpty();
        assertThat(desk.notices)
                .last()
                .extracting(n -> n.text())
                .isEqualTo(
                        "You already serve as many chats as your limit allows. Finish or"
                                + " transfer one first.");
        assertThat(desk.queue.takingProperty().get()).isFalse();
    }

    @Test
    void aTakeSomeoneElseWonSaysSoAndTheServersListDecides() {
        desk.api.waiting.addAll(DemoData.queue());
        desk.queue.load();
        desk.api.assignFailure = new ApiException(409, "session_not_waiting", "already taken");
        desk.api.waiting.remove(0); // the server's queue no longer has it

        desk.queue.take(desk.queue.items().get(0));

        assertThat(desk.queue.items())
                .extracting(QueueItem::topic)
                .doesNotContain("Gagal unggah dokumen PB UMKU")
                .hasSize(3);
        assertThat(desk.notices)
                .last()
                .extracting(n -> n.text())
                .isEqualTo(
                        "This chat is no longer waiting: another agent took it, or it was"
                                + " closed.");
    }

    @Test
    void anUnknownRefusalShowsTheServersOwnWords() {
        desk.api.waiting.addAll(DemoData.queue());
        desk.queue.load();
        desk.api.assignFailure =
                new ApiException(
                        403, "forbidden", "This chat waits in a department you do not serve.");

        desk.queue.take(desk.queue.items().get(0));

        assertThat(desk.queue.items()).hasSize(4);
        assertThat(desk.notices)
                .last()
                .extracting(n -> n.text())
                .isEqualTo(
                        "Could not take the chat: This chat waits in a department you do not"
                                + " serve.");
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
    void aNewArrivalInTheQueueCallsForAttentionButTheListAtSignInDoesNot() {
        DeskFixture signingIn = new DeskFixture();
        signingIn.api.waiting.addAll(DemoData.queue().subList(0, 2));
        signingIn.connected();
        signingIn.socket.push(new ServerFrame.QueueUpdated(DemoData.queue().subList(0, 2)));
        assertThat(signingIn.queue.items()).hasSize(2);
        assertThat(signingIn.notices).isEmpty();

        signingIn.socket.push(new ServerFrame.QueueUpdated(DemoData.queue().subList(0, 3)));

        assertThat(signingIn.notices)
                .singleElement()
                .satisfies(n -> assertThat(n.attention()).isTrue());
    }

    @Test
    void eachSignInLoadsTheQueueButALateAnswerNeverHidesTheSocketsNewerList() {
        DeskFixture late = new DeskFixture();
        late.api.waiting.addAll(DemoData.queue());
        late.connected();
        assertThat(late.queue.items()).hasSize(4);

        // after a reconnect the REST answer (all four, read first) comes after the socket's list,
        // in which three were taken meanwhile
        late.socket.drop(1006);
        late.scheduler.runOneOffs();
        late.background.hold();
        late.socket.acceptAndAuthenticate();
        late.socket.push(new ServerFrame.QueueUpdated(DemoData.queue().subList(0, 1)));
        late.background.release();

        assertThat(late.queue.items()).hasSize(1);
    }
}
