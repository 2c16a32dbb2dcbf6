package id.oss.livechat.desktop.chat;

import static id.oss.livechat.desktop.testing.DemoData.SITI;
import static id.oss.livechat.desktop.testing.DemoData.agentSaid;
import static id.oss.livechat.desktop.testing.DemoData.visitorSays;
import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.connection.ChatConnection;
import id.oss.livechat.desktop.testing.DemoData;
import id.oss.livechat.desktop.testing.DeskFixture;
import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.FrameTypes;
import id.oss.livechat.model.realtime.Sender;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.visitor.AgentRef;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActiveChatsViewModelTest {
    private DeskFixture desk;
    private StaffSession siti;
    private StaffSession budi;
    private UUID sitiId;

    @BeforeEach
    void setUp() {
        desk = new DeskFixture().connected();
        siti = DemoData.active(1, "Status NIB belum terbit", SITI, true, 0, 0);
        budi = DemoData.active(2, "Cara mengubah KBLI", DemoData.BUDI, false, 0, 0);
        sitiId = siti.sessionId();
    }

    private ChatViewModel open(StaffSession session) {
        return desk.chats.open(session, false);
    }

    @Test
    void openingAChatAsksTheSocketForItsMessagesFromTheStart() {
        open(siti);

        assertThat(desk.socket.sent(ClientFrame.Resume.class))
                .containsExactly(new ClientFrame.Resume(sitiId, 0));
    }

    @Test
    void messagesAreShownInSequenceOrderEvenWhenTheyArriveOutOfOrder() {
        ChatViewModel chat = open(siti);

        desk.socket.push(visitorSays(sitiId, 1, "Selamat siang"));
        desk.socket.push(visitorSays(sitiId, 3, "Halo?"));
        desk.socket.push(visitorSays(sitiId, 2, "NIB kami belum terbit"));

        assertThat(chat.messages()).extracting(MessageItem::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aGapInTheSequenceAsksForTheMissingMessagesOnce() {
        open(siti);
        desk.socket.push(new ServerFrame.ResumeDone(sitiId, 0));
        desk.socket.clearSent();

        desk.socket.push(visitorSays(sitiId, 1, "Selamat siang"));
        desk.socket.push(visitorSays(sitiId, 3, "Halo?"));
        desk.socket.push(visitorSays(sitiId, 4, "Ada orang?"));

        assertThat(desk.socket.sent(ClientFrame.Resume.class))
                .containsExactly(new ClientFrame.Resume(sitiId, 1));
    }

    @Test
    void aReplayedMessageIsNotShownTwice() {
        ChatViewModel chat = open(siti);
        desk.socket.push(visitorSays(sitiId, 1, "Selamat siang"));
        desk.socket.push(visitorSays(sitiId, 2, "NIB kami belum terbit"));

        desk.socket.push(visitorSays(sitiId, 2, "NIB kami belum terbit"));
        desk.socket.push(visitorSays(sitiId, 1, "Selamat siang"));

        assertThat(chat.messages()).extracting(MessageItem::seq).containsExactly(1L, 2L);
    }

    @Test
    void visitorMessagesInAChatNotSelectedRaiseItsUnreadCount() {
        ChatViewModel first = open(siti);
        ChatViewModel second = open(budi);
        assertThat(desk.chats.selected()).isSameAs(first);

        desk.socket.push(
                new ServerFrame.MessageNew(
                        budi.sessionId(),
                        1,
                        "v1",
                        DemoData.visitor(DemoData.BUDI),
                        "Halo",
                        DemoData.NOW));
        desk.socket.push(
                new ServerFrame.MessageNew(
                        budi.sessionId(),
                        2,
                        "v2",
                        DemoData.visitor(DemoData.BUDI),
                        "Permisi",
                        DemoData.NOW));

        assertThat(second.unreadProperty().get()).isEqualTo(2);
        assertThat(first.unreadProperty().get()).isZero();
        assertThat(desk.notices).hasSize(2);
    }

    @Test
    void selectingAChatResetsItsUnreadCountAndSendsAReadReceipt() {
        open(siti);
        ChatViewModel second = open(budi);
        desk.socket.push(
                new ServerFrame.MessageNew(
                        budi.sessionId(),
                        1,
                        "v1",
                        DemoData.visitor(DemoData.BUDI),
                        "Halo",
                        DemoData.NOW));
        desk.socket.clearSent();

        desk.chats.selectedProperty().set(second);

        assertThat(second.unreadProperty().get()).isZero();
        assertThat(desk.socket.sent(ClientFrame.Read.class))
                .containsExactly(new ClientFrame.Read(budi.sessionId(), 1));
    }

    @Test
    void aVisitorMessageInTheSelectedChatIsReadAtOnceWhileTheWindowHasFocus() {
        ChatViewModel chat = open(siti);
        desk.socket.clearSent();

        desk.socket.push(visitorSays(sitiId, 1, "Selamat siang"));

        assertThat(chat.unreadProperty().get()).isZero();
        assertThat(desk.socket.sent(ClientFrame.Read.class))
                .containsExactly(new ClientFrame.Read(sitiId, 1));
    }

    @Test
    void whileTheWindowIsInTheBackgroundEvenTheSelectedChatCountsUnreadUntilFocusReturns() {
        ChatViewModel chat = open(siti);
        desk.windowFocused = false;

        desk.socket.push(visitorSays(sitiId, 1, "Selamat siang"));
        assertThat(chat.unreadProperty().get()).isEqualTo(1);
        assertThat(desk.socket.sent(ClientFrame.Read.class)).isEmpty();

        desk.windowFocused = true;
        desk.chats.windowFocusGained();
        assertThat(chat.unreadProperty().get()).isZero();
        assertThat(desk.socket.sent(ClientFrame.Read.class))
                .containsExactly(new ClientFrame.Read(sitiId, 1));
    }

    @Test
    void theServersUnreadCountIsNotCountedAgainWhenTheTranscriptIsReplayed() {
        open(siti);
        StaffSession withUnread =
                DemoData.active(2, "Cara mengubah KBLI", DemoData.BUDI, false, 2, 2);
        ChatViewModel chat = open(withUnread);

        desk.socket.push(
                new ServerFrame.MessageNew(
                        withUnread.sessionId(),
                        1,
                        "v1",
                        DemoData.visitor(DemoData.BUDI),
                        "Halo",
                        DemoData.NOW));
        desk.socket.push(
                new ServerFrame.MessageNew(
                        withUnread.sessionId(),
                        2,
                        "v2",
                        DemoData.visitor(DemoData.BUDI),
                        "Permisi",
                        DemoData.NOW));

        assertThat(chat.unreadProperty().get()).isEqualTo(2);
    }

    @Test
    void enterSendsTheDraftAsAPendingMessageThatTheAckMarksAsSent() {
        ChatViewModel chat = open(siti);
        chat.draftProperty().set("  Selamat siang, Ibu Siti.  ");

        assertThat(desk.chats.sendDraft()).isTrue();

        ClientFrame.MessageSend sent = desk.socket.sent(ClientFrame.MessageSend.class).get(0);
        assertThat(sent.sessionId()).isEqualTo(sitiId);
        assertThat(sent.text()).isEqualTo("Selamat siang, Ibu Siti.");
        assertThat(chat.draftProperty().get()).isEmpty();
        assertThat(chat.messages())
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.delivery()).isEqualTo(Delivery.PENDING);
                            assertThat(m.clientMsgId()).isEqualTo(sent.clientMsgId());
                        });

        desk.socket.push(new ServerFrame.MessageAck(sitiId, sent.clientMsgId(), 7, DemoData.NOW));

        assertThat(chat.messages())
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.delivery()).isEqualTo(Delivery.SENT);
                            assertThat(m.seq()).isEqualTo(7);
                        });
    }

    @Test
    void theEchoOfOurOwnMessageReplacesThePendingCopyInsteadOfDoublingIt() {
        ChatViewModel chat = open(siti);
        chat.draftProperty().set("Mohon ditunggu");
        desk.chats.sendDraft();
        String id = desk.socket.sent(ClientFrame.MessageSend.class).get(0).clientMsgId();

        desk.socket.push(agentSaid(sitiId, 1, id, "Mohon ditunggu"));
        desk.socket.push(new ServerFrame.MessageAck(sitiId, id, 1, DemoData.NOW));

        assertThat(chat.messages())
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.seq()).isEqualTo(1);
                            assertThat(m.delivery()).isEqualTo(Delivery.SENT);
                        });
    }

    @Test
    void theVisitorsReadReceiptMarksOurMessagesRead() {
        ChatViewModel chat = open(siti);
        desk.socket.push(agentSaid(sitiId, 1, "a1", "Selamat siang"));
        desk.socket.push(agentSaid(sitiId, 2, "a2", "Ada yang bisa dibantu?"));

        desk.socket.push(new ServerFrame.Read(sitiId, SenderType.VISITOR, 1));

        assertThat(chat.messages())
                .extracting(MessageItem::delivery)
                .containsExactly(Delivery.READ, Delivery.SENT);
    }

    @Test
    void theVisitorsTypingShowsUntilTheirMessageArrives() {
        ChatViewModel chat = open(siti);

        desk.socket.push(new ServerFrame.Typing(sitiId, DemoData.visitor(SITI), true));
        assertThat(chat.visitorTypingProperty().get()).isTrue();

        desk.socket.push(visitorSays(sitiId, 1, "Halo"));
        assertThat(chat.visitorTypingProperty().get()).isFalse();
    }

    @Test
    void ourTypingIsSentWhenTheDraftStartsAndWhenItIsEmptiedNotOnEveryKey() {
        ChatViewModel chat = open(siti);
        desk.socket.clearSent();

        chat.draftProperty().set("S");
        chat.draftProperty().set("Se");
        chat.draftProperty().set("Sel");
        chat.draftProperty().set("");

        assertThat(desk.socket.sent(ClientFrame.Typing.class))
                .containsExactly(
                        new ClientFrame.Typing(sitiId, true),
                        new ClientFrame.Typing(sitiId, false));
    }

    @Test
    void anEmptyOrBlankDraftIsNotSent() {
        ChatViewModel chat = open(siti);
        desk.socket.clearSent();

        chat.draftProperty().set("   \n ");

        assertThat(chat.canSend().get()).isFalse();
        assertThat(desk.chats.sendDraft()).isFalse();
        assertThat(desk.socket.sent(ClientFrame.MessageSend.class)).isEmpty();
        assertThat(chat.draftProblem().get()).isEmpty();
    }

    @Test
    void aDraftOverTheLimitSaysSoAndIsNotSent() {
        ChatViewModel chat = open(siti);
        chat.draftProperty().set("a".repeat(FrameTypes.MAX_TEXT_LENGTH + 1));

        assertThat(chat.canSend().get()).isFalse();
        assertThat(chat.draftProblem().get())
                .isEqualTo("Message too long: 4001 of at most 4000 characters.");
        assertThat(desk.chats.sendDraft()).isFalse();
        assertThat(desk.socket.sent(ClientFrame.MessageSend.class)).isEmpty();

        chat.draftProperty().set("a".repeat(FrameTypes.MAX_TEXT_LENGTH));
        assertThat(chat.canSend().get()).isTrue();
        assertThat(chat.draftProblem().get()).isEmpty();
    }

    @Test
    void afterAReconnectEachOpenChatResumesFromItsLastSeq() {
        open(siti);
        open(budi);
        desk.socket.push(visitorSays(sitiId, 1, "Selamat siang"));
        desk.socket.push(visitorSays(sitiId, 2, "NIB kami belum terbit"));
        desk.socket.push(visitorSays(sitiId, 4, "Halo?")); // 3 went missing in the drop

        desk.socket.drop(ChatConnection.CLOSE_GOING_AWAY);
        desk.socket.clearSent();
        desk.scheduler.runOneOffs();
        desk.socket.acceptAndAuthenticate();

        assertThat(desk.socket.sent(ClientFrame.Resume.class))
                .containsExactlyInAnyOrder(
                        new ClientFrame.Resume(sitiId, 2),
                        new ClientFrame.Resume(budi.sessionId(), 0));
    }

    @Test
    void theReplayAfterAReconnectFillsTheGapWithoutDuplicates() {
        ChatViewModel chat = open(siti);
        desk.socket.push(visitorSays(sitiId, 1, "Selamat siang"));
        desk.socket.push(visitorSays(sitiId, 2, "NIB kami belum terbit"));
        desk.socket.drop(ChatConnection.CLOSE_ABNORMAL);
        desk.scheduler.runOneOffs();
        desk.socket.acceptAndAuthenticate();

        // the server replays everything after 2, and a live message overlaps the replay
        desk.socket.push(visitorSays(sitiId, 3, "Halo?"));
        desk.socket.push(visitorSays(sitiId, 4, "Apakah masih di sana?"));
        desk.socket.push(visitorSays(sitiId, 4, "Apakah masih di sana?"));
        desk.socket.push(new ServerFrame.ResumeDone(sitiId, 4));

        assertThat(chat.messages()).extracting(MessageItem::seq).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void messagesTypedWhileDisconnectedAreSentAfterTheReconnectWithTheirOriginalIds() {
        ChatViewModel chat = open(siti);
        desk.socket.drop(ChatConnection.CLOSE_GOING_AWAY);

        chat.draftProperty().set("Pesan pertama");
        desk.chats.sendDraft();
        chat.draftProperty().set("Pesan kedua");
        desk.chats.sendDraft();
        assertThat(desk.socket.sent(ClientFrame.MessageSend.class)).isEmpty();
        List<String> pendingIds = chat.messages().stream().map(MessageItem::clientMsgId).toList();
        assertThat(chat.messages())
                .extracting(MessageItem::delivery)
                .containsOnly(Delivery.PENDING);

        desk.socket.clearSent();
        desk.scheduler.runOneOffs();
        desk.socket.acceptAndAuthenticate();

        List<ClientFrame> sent = desk.socket.sent();
        assertThat(sent.get(0)).isInstanceOf(ClientFrame.Auth.class);
        assertThat(sent.get(1)).isEqualTo(new ClientFrame.Resume(sitiId, 0));
        assertThat(desk.socket.sent(ClientFrame.MessageSend.class))
                .extracting(ClientFrame.MessageSend::clientMsgId, ClientFrame.MessageSend::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(pendingIds.get(0), "Pesan pertama"),
                        org.assertj.core.groups.Tuple.tuple(pendingIds.get(1), "Pesan kedua"));
    }

    @Test
    void aMessageStoredJustBeforeTheDropIsShownOnceAfterTheReplayAndTheResend() {
        ChatViewModel chat = open(siti);
        chat.draftProperty().set("Sudah saya cek");
        desk.chats.sendDraft();
        String id = desk.socket.sent(ClientFrame.MessageSend.class).get(0).clientMsgId();
        desk.socket.drop(ChatConnection.CLOSE_ABNORMAL); // stored, but the ack was lost

        desk.scheduler.runOneOffs();
        desk.socket.acceptAndAuthenticate();
        desk.socket.push(agentSaid(sitiId, 1, id, "Sudah saya cek")); // the replay
        desk.socket.push(new ServerFrame.ResumeDone(sitiId, 1));
        desk.socket.push(
                new ServerFrame.MessageAck(sitiId, id, 1, DemoData.NOW)); // the resend's ack

        assertThat(chat.messages())
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.seq()).isEqualTo(1);
                            assertThat(m.delivery()).isEqualTo(Delivery.SENT);
                        });
    }

    @Test
    void aChatAssignedToMeBySomeoneElseOpensAndNotifies() {
        StaffSession assigned = DemoData.active(5, "Perubahan data NIB", DemoData.ANDI, true, 0, 0);

        desk.socket.push(
                new ServerFrame.SessionUpdated(
                        assigned.sessionId(),
                        SessionStatus.ACTIVE,
                        new AgentRef(DemoData.AGENT.id(), DemoData.AGENT.displayName()),
                        null,
                        assigned));

        assertThat(desk.chats.find(assigned.sessionId())).isPresent();
        assertThat(desk.notices).last().extracting(n -> n.attention()).isEqualTo(true);
    }

    @Test
    void aChatTheVisitorClosedStaysVisibleAsClosedUntilPutAway() {
        ChatViewModel chat = open(siti);
        StaffSession closed =
                new StaffSession(
                        sitiId,
                        siti.chatUserId(),
                        SessionStatus.CLOSED,
                        siti.topic(),
                        siti.priority(),
                        siti.department(),
                        siti.agent(),
                        siti.contact(),
                        true,
                        siti.ossUserId(),
                        siti.visitorEmail(),
                        siti.startedAt(),
                        siti.queuedAt(),
                        siti.assignedAt(),
                        DemoData.NOW,
                        "visitor_left",
                        3,
                        0,
                        null,
                        null);

        desk.socket.push(
                new ServerFrame.SessionUpdated(
                        sitiId, SessionStatus.CLOSED, null, "visitor_left", closed));

        assertThat(chat.closedProperty().get()).isTrue();
        chat.draftProperty().set("Halo?");
        assertThat(chat.canSend().get()).isFalse();

        desk.chats.closeSelected(null);
        assertThat(desk.chats.chats()).isEmpty();
        assertThat(desk.api.calls).noneMatch(c -> c.startsWith("close"));
    }

    @Test
    void closingAChatAsksTheServerAndRemovesIt() {
        desk.api.active.add(siti);
        open(siti);
        open(budi);

        desk.chats.closeSelected("Pertanyaan terjawab");

        assertThat(desk.api.calls).contains("close " + sitiId + " Pertanyaan terjawab");
        assertThat(desk.chats.chats())
                .extracting(ChatViewModel::sessionId)
                .containsExactly(budi.sessionId());
        assertThat(desk.chats.selected().sessionId()).isEqualTo(budi.sessionId());
    }

    @Test
    void aChatTransferredToADepartmentLeavesMyList() {
        desk.api.active.add(siti);
        open(siti);

        desk.chats.transferSelected(null, DemoData.LAYANAN.id(), "Pertanyaan soal KBLI");

        assertThat(desk.api.calls)
                .contains("transfer " + sitiId + " null " + DemoData.LAYANAN.id());
        assertThat(desk.chats.chats()).isEmpty();
    }

    @Test
    void switchingChatsWrapsAroundAndJumpsByNumber() {
        ChatViewModel first = open(siti);
        ChatViewModel second = open(budi);

        desk.chats.selectNext();
        assertThat(desk.chats.selected()).isSameAs(second);
        desk.chats.selectNext();
        assertThat(desk.chats.selected()).isSameAs(first);
        desk.chats.selectPrevious();
        assertThat(desk.chats.selected()).isSameAs(second);
        desk.chats.selectNumber(1);
        assertThat(desk.chats.selected()).isSameAs(first);
    }

    @Test
    void anUnknownFrameOrMalformedJsonIsIgnoredAndTheChatKeepsWorking() {
        ChatViewModel chat = open(siti);

        desk.socket.pushRaw("{\"type\":\"launch.rockets\",\"session_id\":\"" + sitiId + "\"}");
        desk.socket.pushRaw("{not json");
        desk.socket.pushRaw("[]");
        desk.socket.push(visitorSays(sitiId, 1, "Masih di sana?"));

        assertThat(chat.messages()).extracting(MessageItem::text).containsExactly("Masih di sana?");
    }

    @Test
    void messagesForAChatThatIsNotOpenAreIgnored() {
        open(siti);

        desk.socket.push(
                new ServerFrame.MessageNew(
                        UUID.randomUUID(),
                        1,
                        "x",
                        new Sender(SenderType.VISITOR, null, "X"),
                        "?",
                        DemoData.NOW));

        assertThat(desk.chats.chats()).hasSize(1);
        assertThat(desk.chats.selected().messages()).isEmpty();
    }
}
