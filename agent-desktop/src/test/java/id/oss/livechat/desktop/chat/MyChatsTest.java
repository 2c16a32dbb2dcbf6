package id.oss.livechat.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.connection.ChatConnection;
import id.oss.livechat.desktop.testing.DemoData;
import id.oss.livechat.desktop.testing.DeskFixture;
import id.oss.livechat.desktop.testing.SessionChanges;
import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.model.staff.StaffProfile;
import id.oss.livechat.model.staff.StaffSession;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * "My chats" tells the truth whatever the order of events: every chat the server assigns to the
 * agent is shown, once, with the visitor's name as soon as the server knows it, and only the
 * agent's own; a chat that changed while the socket was down shows its real state.
 */
class MyChatsTest {
    private final StaffSession siti =
            DemoData.active(1, "Status NIB belum terbit", DemoData.SITI, true, 0, 0);
    private final StaffSession budi =
            DemoData.active(2, "Cara mengubah KBLI", DemoData.BUDI, false, 0, 0);
    private final StaffSession nameless =
            DemoData.active(3, "Pertanyaan tentang Sertifikat Standar", null, false, 0, 0);

    @Test
    void chatsAssignedBeforeTheSocketSignedInAreShownOnceItHas() {
        DeskFixture desk = new DeskFixture();
        desk.api.active.add(siti);
        desk.api.active.add(budi);

        desk.connected();

        assertThat(desk.chats.chats())
                .extracting(ChatViewModel::sessionId)
                .containsExactly(siti.sessionId(), budi.sessionId());
        assertThat(desk.chats.loadedProperty().get()).isTrue();
        assertThat(desk.api.calls).contains("activeOf " + DemoData.AGENT.id());
    }

    @Test
    void aChatAssignedWhileTheListIsOnItsWayIsShownOnceAndStays() {
        DeskFixture desk = new DeskFixture();
        desk.api.active.add(siti);
        desk.background.hold();
        desk.connected(); // the list is read now: Siti only
        desk.socket.push(SessionChanges.of(budi).frame()); // Budi assigned meanwhile
        desk.socket.push(SessionChanges.of(siti).frame()); // and Siti's assignment heard too

        desk.background.release();

        assertThat(desk.chats.chats())
                .extracting(ChatViewModel::sessionId)
                .containsExactlyInAnyOrder(siti.sessionId(), budi.sessionId());
    }

    @Test
    void aChatClosedWhileTheListWasOnItsWayIsNotBroughtBack() {
        DeskFixture desk = new DeskFixture();
        desk.api.active.add(siti);
        desk.api.active.add(budi);
        desk.background.hold();
        desk.connected(); // both still active when the list was read
        desk.socket.push(SessionChanges.of(budi).closed("abandoned").frame());
        desk.socket.push(SessionChanges.of(siti).status(SessionStatus.WAITING).agent(null).frame());

        desk.background.release();

        assertThat(desk.chats.chats()).isEmpty();
    }

    @Test
    void afterAReconnectChatsAssignedMeanwhileAppearAndChatsEndedMeanwhileShowTheirEnd() {
        DeskFixture desk = new DeskFixture();
        desk.api.active.add(siti);
        desk.api.active.add(budi);
        desk.connected();
        desk.socket.drop(ChatConnection.CLOSE_ABNORMAL);
        // while the socket is down: Siti's chat is closed, Budi's goes back to the queue, and a
        // new one is assigned
        desk.api.active.clear();
        desk.api.elsewhere.add(SessionChanges.of(siti).closed("abandoned").session());
        desk.api.waiting.add(
                SessionChanges.of(budi).status(SessionStatus.WAITING).agent(null).session());
        desk.api.active.add(nameless);

        desk.scheduler.runOneOffs();
        desk.socket.acceptAndAuthenticate();

        assertThat(desk.chats.chats())
                .extracting(ChatViewModel::sessionId)
                .containsExactly(siti.sessionId(), nameless.sessionId());
        ChatViewModel ended = desk.chats.find(siti.sessionId()).orElseThrow();
        assertThat(ended.closedProperty().get()).isTrue();
        assertThat(desk.notices)
                .extracting(n -> n.text())
                .contains(
                        "New chat for you: a visitor asking about “Pertanyaan tentang Sertifikat"
                                + " Standar”");
    }

    @Test
    void theContactGivenAfterTheAssignmentNamesTheChatAndItsNotices() {
        DeskFixture desk = new DeskFixture().connected();
        desk.socket.push(SessionChanges.of(nameless).frame());
        ChatViewModel chat = desk.chats.find(nameless.sessionId()).orElseThrow();
        assertThat(Sessions.title(chat.session(), desk.i18n)).isEqualTo("Visitor without a name");
        desk.windowFocused = false;
        desk.socket.push(visitorSays(nameless.sessionId(), 1, "Halo"));
        assertThat(desk.notices)
                .last()
                .extracting(n -> n.text())
                .isEqualTo(
                        "New message from a visitor asking about “Pertanyaan tentang Sertifikat"
                                + " Standar”");

        desk.socket.push(SessionChanges.of(nameless).contact(DemoData.ANDI).frame());
        desk.socket.push(visitorSays(nameless.sessionId(), 2, "Ini data saya"));

        assertThat(Sessions.title(chat.session(), desk.i18n)).isEqualTo("Andi Pratama");
        assertThat(desk.chats.selectedSessionProperty().get().contact()).isEqualTo(DemoData.ANDI);
        assertThat(desk.notices)
                .last()
                .extracting(n -> n.text())
                .isEqualTo("New message from Andi Pratama");
        assertThat(desk.chats.unreadTotal().get()).isEqualTo(2);
    }

    @Test
    void aSupervisorsChatsAreOnlyItsOwn() {
        StaffProfile supervisor = DemoData.SUPERVISOR;
        DeskFixture desk = new DeskFixture(supervisor);
        StaffSession own = SessionChanges.of(budi).agent(supervisor).session();
        desk.api.active.add(siti); // an agent's chat: the supervisor's socket hears of it too
        desk.api.active.add(own);

        desk.connected();
        desk.socket.push(SessionChanges.of(nameless).frame()); // assigned to an agent

        assertThat(desk.chats.chats())
                .extracting(ChatViewModel::sessionId)
                .containsExactly(own.sessionId());
        assertThat(desk.api.calls).contains("activeOf " + supervisor.id());
    }

    @Test
    void anUnansweredChatCountsDownUntilTheAgentWrites() {
        DeskFixture desk = new DeskFixture().connected();
        StaffSession routed =
                SessionChanges.of(siti)
                        .answerBy(DemoData.NOW.plus(Duration.ofMinutes(3)))
                        .session();
        desk.socket.push(SessionChanges.of(routed).frame());
        ChatViewModel chat = desk.chats.find(siti.sessionId()).orElseThrow();
        assertThat(chat.timeLeftProperty().get()).isEqualTo("3:00");

        desk.clock.advance(Duration.ofSeconds(61));
        desk.chats.tick();
        assertThat(chat.timeLeftProperty().get()).isEqualTo("1:59");

        chat.draftProperty().set("Selamat siang, Ibu Siti.");
        desk.chats.sendDraft();
        String id =
                desk.socket
                        .sent(id.oss.livechat.model.realtime.ClientFrame.MessageSend.class)
                        .get(0)
                        .clientMsgId();
        desk.socket.push(new ServerFrame.MessageAck(siti.sessionId(), id, 1, DemoData.NOW));
        desk.chats.tick();

        assertThat(chat.timeLeftProperty().get()).isEmpty();
    }

    @Test
    void aStaffOnlyNoteIsMarkedAndNeverCountsAsTheVisitorWriting() {
        DeskFixture desk = new DeskFixture().connected();
        desk.windowFocused = false;
        desk.socket.push(SessionChanges.of(siti).frame());
        int noticesBefore = desk.notices.size();

        desk.socket.push(
                ServerFrame.MessageNew.of(
                        new ChatMessage(
                                siti.sessionId(),
                                1,
                                "note-1",
                                new id.oss.livechat.model.realtime.Sender(
                                        SenderType.SYSTEM, null, null),
                                "Rudi Hartono mengalihkan chat ke Dewi Lestari. Catatan: sudah"
                                        + " dicek PKKPR",
                                DemoData.NOW,
                                true)));

        ChatViewModel chat = desk.chats.find(siti.sessionId()).orElseThrow();
        assertThat(chat.messages())
                .singleElement()
                .satisfies(m -> assertThat(m.internal()).isTrue());
        assertThat(chat.unreadProperty().get()).isZero();
        assertThat(desk.notices).hasSize(noticesBefore);
    }

    private static ServerFrame.MessageNew visitorSays(UUID session, long seq, String text) {
        return new ServerFrame.MessageNew(
                session, seq, "v-" + seq, DemoData.visitor(null), text, DemoData.NOW);
    }
}
