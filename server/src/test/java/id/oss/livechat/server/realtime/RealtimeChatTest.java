package id.oss.livechat.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A visitor and an agent chatting over real WebSockets against the running server. */
class RealtimeChatTest extends ServerTest {
    private StaffFixture staff;
    private StaffFixture.Member agent;
    private Visitor.Session session;
    private UUID sessionId;
    private final List<ChatSocket> sockets = new java.util.ArrayList<>();

    @BeforeEach
    void aVisitorServedByAnAgent() {
        staff = new StaffFixture(db, http);
        UUID department = staff.department();
        agent = staff.agent("online", 3, department);
        session = staff.waitingSession(department, "normal");
        sessionId = UUID.fromString(session.id());
        assertThat(staff.agentOf(session.id())).isEqualTo(agent.id());
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(ChatSocket::close);
    }

    private ChatSocket visitorSocket() {
        ChatSocket socket = ChatSocket.signedIn(port, "/ws/visitor", session.token());
        sockets.add(socket);
        return socket;
    }

    private ChatSocket agentSocket() {
        ChatSocket socket = ChatSocket.signedIn(port, "/ws/agent", staff.login(agent));
        sockets.add(socket);
        return socket;
    }

    private static ClientFrame.MessageSend say(UUID session, String id, String text) {
        return new ClientFrame.MessageSend(session, id, text);
    }

    @Test
    void visitorAndAgentTalkBothWaysAndEveryMessageIsAcknowledgedWithItsNumber() {
        ChatSocket visitor = visitorSocket();
        ChatSocket agentSide = agentSocket();
        visitor.await(
                ServerFrame.SessionUpdated.class,
                u -> u.status() == SessionStatus.ACTIVE && u.agent() != null);

        visitor.send(say(sessionId, "v-1", "Selamat siang, saya mau tanya soal NIB"));
        ServerFrame.MessageAck ack =
                visitor.await(ServerFrame.MessageAck.class, a -> a.clientMsgId().equals("v-1"));
        assertThat(ack.seq()).isEqualTo(1);
        ServerFrame.MessageNew atAgent =
                agentSide.await(ServerFrame.MessageNew.class, m -> m.seq() == 1);
        assertThat(atAgent.text()).isEqualTo("Selamat siang, saya mau tanya soal NIB");
        assertThat(atAgent.sender().type()).isEqualTo(SenderType.VISITOR);

        agentSide.send(say(sessionId, "a-1", "Selamat siang, silakan"));
        assertThat(
                        agentSide
                                .await(
                                        ServerFrame.MessageAck.class,
                                        a -> a.clientMsgId().equals("a-1"))
                                .seq())
                .isEqualTo(2);
        ServerFrame.MessageNew atVisitor =
                visitor.await(ServerFrame.MessageNew.class, m -> m.seq() == 2);
        assertThat(atVisitor.sender().type()).isEqualTo(SenderType.AGENT);
        assertThat(atVisitor.sender().name()).isEqualTo("Staf " + agent.username());
        assertThat(atVisitor.text()).isEqualTo("Selamat siang, silakan");

        // the agent's first reply is the session's first response
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_sessions WHERE id = '"
                                        + sessionId
                                        + "' AND first_response_at IS NOT NULL AND agent_answered"))
                .isEqualTo(1);
    }

    @Test
    void typingAndReadReceiptsReachTheOtherSide() {
        ChatSocket visitor = visitorSocket();
        ChatSocket agentSide = agentSocket();
        visitor.await(ServerFrame.SessionUpdated.class, u -> u.status() == SessionStatus.ACTIVE);

        visitor.send(new ClientFrame.Typing(sessionId, true));
        assertThat(agentSide.await(ServerFrame.Typing.class, t -> t.typing()).sender().type())
                .isEqualTo(SenderType.VISITOR);
        agentSide.send(new ClientFrame.Typing(sessionId, true));
        assertThat(visitor.await(ServerFrame.Typing.class, t -> t.typing()).sender().type())
                .isEqualTo(SenderType.AGENT);

        visitor.send(say(sessionId, "v-1", "Halo"));
        agentSide.await(ServerFrame.MessageNew.class, m -> m.seq() == 1);
        agentSide.send(new ClientFrame.Read(sessionId, 1));
        ServerFrame.Read read = visitor.await(ServerFrame.Read.class, r -> r.upToSeq() == 1);
        assertThat(read.reader()).isEqualTo(SenderType.AGENT);

        agentSide.send(say(sessionId, "a-1", "Halo juga"));
        visitor.await(ServerFrame.MessageNew.class, m -> m.seq() == 2);
        visitor.send(new ClientFrame.Read(sessionId, 2));
        assertThat(agentSide.await(ServerFrame.Read.class, r -> r.upToSeq() == 2).reader())
                .isEqualTo(SenderType.VISITOR);
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_sessions WHERE id = '"
                                        + sessionId
                                        + "' AND agent_read_seq = 1 AND visitor_read_seq = 2"))
                .isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReadMarksAreInEverySessionViewForThoseWhoWereNotConnected() {
        ChatSocket visitor = visitorSocket();
        ChatSocket agentSide = agentSocket();
        visitor.await(ServerFrame.SessionUpdated.class, u -> u.status() == SessionStatus.ACTIVE);
        visitor.send(say(sessionId, "v-1", "Halo"));
        agentSide.await(ServerFrame.MessageNew.class, m -> m.seq() == 1);
        agentSide.send(say(sessionId, "a-1", "Halo juga"));
        visitor.await(ServerFrame.MessageNew.class, m -> m.seq() == 2);
        agentSide.send(new ClientFrame.Read(sessionId, 1));
        visitor.send(new ClientFrame.Read(sessionId, 2));
        agentSide.await(ServerFrame.Read.class, r -> r.upToSeq() == 2);
        visitor.await(ServerFrame.Read.class, r -> r.upToSeq() == 1);

        String token = staff.login(agent);
        Map<String, Object> one =
                http.get()
                        .uri("/api/chat/session/{id}", sessionId)
                        .headers(h -> h.setBearerAuth(token))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(one).containsEntry("agent_read_seq", 1).containsEntry("visitor_read_seq", 2);
        Map<String, Object> active =
                http.get()
                        .uri("/api/chat/active?agent_id={id}", agent.id())
                        .headers(h -> h.setBearerAuth(token))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        assertThat((List<Map<String, Object>>) active.get("sessions"))
                .filteredOn(s -> sessionId.toString().equals(s.get("session_id")))
                .singleElement()
                .satisfies(
                        s ->
                                assertThat(s)
                                        .containsEntry("agent_read_seq", 1)
                                        .containsEntry("visitor_read_seq", 2));
        Map<String, Object> visitorView =
                http.get()
                        .uri("/api/oss-chat/session/{id}", sessionId)
                        .headers(h -> h.setBearerAuth(session.token()))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(visitorView)
                .containsEntry("agent_read_seq", 1)
                .containsEntry("visitor_read_seq", 2);
    }

    @Test
    void aVisitorWhoClosesTheTabMidSentenceStopsTypingForTheAgent() {
        ChatSocket firstTab = visitorSocket();
        ChatSocket secondTab = visitorSocket();
        ChatSocket agentSide = agentSocket();
        firstTab.await(ServerFrame.SessionUpdated.class, u -> u.status() == SessionStatus.ACTIVE);
        secondTab.await(ServerFrame.SessionUpdated.class, u -> u.status() == SessionStatus.ACTIVE);

        firstTab.send(new ClientFrame.Typing(sessionId, true));
        agentSide.await(ServerFrame.Typing.class, ServerFrame.Typing::typing);

        // one of two tabs closes: the visitor is still there
        firstTab.close();
        secondTab.send(new ClientFrame.Typing(sessionId, true));
        await().atMost(ChatSocket.WAIT)
                .until(() -> agentSide.all(ServerFrame.Typing.class).size() == 2);
        assertThat(agentSide.all(ServerFrame.Typing.class)).allMatch(ServerFrame.Typing::typing);

        // the last one closes without a word: staff hear the visitor stopped typing
        secondTab.close();
        ServerFrame.Typing stopped =
                agentSide.await(ServerFrame.Typing.class, typing -> !typing.typing());
        assertThat(stopped.sessionId()).isEqualTo(sessionId);
        assertThat(stopped.sender().type()).isEqualTo(SenderType.VISITOR);
    }

    @Test
    void aResendWithTheSameClientIdIsStoredOnceAndAcknowledgedWithTheSameNumber() {
        ChatSocket visitor = visitorSocket();
        ChatSocket agentSide = agentSocket();
        visitor.send(say(sessionId, "same-id", "Apakah sudah diterima?"));
        visitor.await(ServerFrame.MessageAck.class, a -> a.clientMsgId().equals("same-id"));
        visitor.send(say(sessionId, "same-id", "Apakah sudah diterima?"));
        await().atMost(ChatSocket.WAIT)
                .until(() -> visitor.all(ServerFrame.MessageAck.class).size() == 2);
        // and again over another socket, as after a reconnect
        ChatSocket again = visitorSocket();
        again.send(say(sessionId, "same-id", "Apakah sudah diterima?"));
        ServerFrame.MessageAck third =
                again.await(ServerFrame.MessageAck.class, a -> a.clientMsgId().equals("same-id"));

        assertThat(visitor.all(ServerFrame.MessageAck.class))
                .extracting(ServerFrame.MessageAck::seq)
                .containsOnly(1L);
        assertThat(third.seq()).isEqualTo(1);
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_messages WHERE session_id = '"
                                        + sessionId
                                        + "'"))
                .isEqualTo(1);
        agentSide.send(say(sessionId, "a-next", "Sudah"));
        agentSide.await(ServerFrame.MessageAck.class, a -> a.clientMsgId().equals("a-next"));
        assertThat(agentSide.all(ServerFrame.MessageNew.class))
                .extracting(ServerFrame.MessageNew::seq)
                .containsExactly(1L, 2L);
    }

    @Test
    void aVisitorWhoLostTheConnectionResumesWithoutGapsOrDuplicates() {
        ChatSocket visitor = visitorSocket();
        ChatSocket agentSide = agentSocket();
        for (int i = 1; i <= 3; i++) {
            agentSide.send(say(sessionId, "a-" + i, "Pesan " + i));
        }
        visitor.await(ServerFrame.MessageNew.class, m -> m.seq() == 3);
        visitor.close();

        for (int i = 4; i <= 6; i++) {
            agentSide.send(say(sessionId, "a-" + i, "Pesan " + i));
            int n = i;
            agentSide.await(ServerFrame.MessageAck.class, a -> a.clientMsgId().equals("a-" + n));
        }
        ChatSocket back = visitorSocket();
        back.send(new ClientFrame.Resume(sessionId, 3));
        agentSide.send(say(sessionId, "a-7", "Pesan 7"));
        back.await(ServerFrame.ResumeDone.class, d -> true);
        back.await(ServerFrame.MessageNew.class, m -> m.seq() == 7);
        agentSide.send(say(sessionId, "a-8", "Pesan 8"));
        back.await(ServerFrame.MessageNew.class, m -> m.seq() == 8);

        assertThat(back.all(ServerFrame.MessageNew.class))
                .extracting(ServerFrame.MessageNew::seq)
                .containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(back.all(ServerFrame.MessageNew.class))
                .extracting(ServerFrame.MessageNew::text)
                .containsExactly("Pesan 4", "Pesan 5", "Pesan 6", "Pesan 7", "Pesan 8");
    }

    @Test
    void aMessageArrivingBetweenSignInAndResumeComesInOrderAndOnce() {
        ChatSocket otherTab = visitorSocket();
        otherTab.send(new ClientFrame.Resume(sessionId, 0));
        otherTab.await(ServerFrame.ResumeDone.class, d -> true);
        ChatSocket agentSide = agentSocket();
        for (int i = 1; i <= 3; i++) {
            agentSide.send(say(sessionId, "a-" + i, "Pesan " + i));
        }
        otherTab.await(ServerFrame.MessageNew.class, m -> m.seq() == 3);

        // a tab that had seen up to 3 signs in again; before its resume goes out, 4 is stored
        // and sent to every socket of the visitor (the other tab shows it has been)
        ChatSocket back = visitorSocket();
        agentSide.send(say(sessionId, "a-4", "Pesan 4"));
        otherTab.await(ServerFrame.MessageNew.class, m -> m.seq() == 4);
        back.send(new ClientFrame.Resume(sessionId, 3));
        back.await(ServerFrame.ResumeDone.class, d -> true);
        agentSide.send(say(sessionId, "a-5", "Pesan 5"));
        back.await(ServerFrame.MessageNew.class, m -> m.seq() == 5);

        assertThat(back.all(ServerFrame.MessageNew.class))
                .extracting(ServerFrame.MessageNew::seq)
                .containsExactly(4L, 5L);
    }

    @Test
    void aVisitorSocketThatNeverResumesStillGetsWhatArrivedRightAfterItSignedIn() {
        ChatSocket agentSide = agentSocket();
        agentSide.send(say(sessionId, "a-1", "Pesan 1"));
        agentSide.await(ServerFrame.MessageAck.class, a -> a.clientMsgId().equals("a-1"));

        ChatSocket visitor = visitorSocket();
        agentSide.send(say(sessionId, "a-2", "Pesan 2"));
        agentSide.send(say(sessionId, "a-3", "Pesan 3"));

        visitor.await(ServerFrame.MessageNew.class, m -> m.seq() == 3);
        assertThat(visitor.all(ServerFrame.MessageNew.class))
                .extracting(ServerFrame.MessageNew::seq)
                .containsExactly(2L, 3L);
    }

    @Test
    void anAgentAssignedLaterReceivesWhatTheVisitorWroteWhileWaiting() {
        UUID department = staff.department();
        Visitor.Session waiting = staff.waitingSession(department, "normal");
        UUID waitingId = UUID.fromString(waiting.id());
        ChatSocket visitor = ChatSocket.signedIn(port, "/ws/visitor", waiting.token());
        sockets.add(visitor);
        visitor.await(
                ServerFrame.QueuePosition.class,
                p -> p.position() == 1 && p.expectedWaitSeconds() == null);
        visitor.send(say(waitingId, "w-1", "Halo? Ada orang?"));
        visitor.send(say(waitingId, "w-2", "Saya tunggu ya"));
        visitor.await(ServerFrame.MessageAck.class, a -> a.clientMsgId().equals("w-2"));

        StaffFixture.Member late = staff.agent("away", 3, department);
        String token = staff.login(late);
        ChatSocket agentSide = ChatSocket.signedIn(port, "/ws/agent", token);
        sockets.add(agentSide);
        http.put()
                .uri("/api/agents/me/status")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "online"))
                .exchange()
                .expectStatus()
                .isOk();

        ServerFrame.SessionUpdated assigned =
                agentSide.await(
                        ServerFrame.SessionUpdated.class,
                        u -> u.sessionId().equals(waitingId) && u.status() == SessionStatus.ACTIVE);
        assertThat(assigned.session().topic()).isEqualTo(waiting.body().get("topic"));
        agentSide.await(
                ServerFrame.MessageNew.class, m -> m.sessionId().equals(waitingId) && m.seq() == 2);
        assertThat(
                        agentSide.all(ServerFrame.MessageNew.class).stream()
                                .filter(m -> m.sessionId().equals(waitingId)))
                .extracting(ServerFrame.MessageNew::text)
                .containsExactly("Halo? Ada orang?", "Saya tunggu ya");
        visitor.await(
                ServerFrame.SessionUpdated.class,
                u ->
                        u.status() == SessionStatus.ACTIVE
                                && u.agent() != null
                                && u.agent().name().equals("Staf " + late.username())
                                && u.agent().id() == null);
    }

    @Test
    void staffSocketsSeeTheQueueChangeLive() {
        UUID department = staff.department();
        StaffFixture.Member watcher = staff.agent("away", 3, department);
        ChatSocket agentSide = ChatSocket.signedIn(port, "/ws/agent", staff.login(watcher));
        sockets.add(agentSide);
        agentSide.await(ServerFrame.QueueUpdated.class, q -> true);
        Visitor.Session fresh = staff.waitingSession(department, "urgent");
        ServerFrame.QueueUpdated updated =
                agentSide.await(
                        ServerFrame.QueueUpdated.class,
                        q ->
                                q.waiting().stream()
                                        .anyMatch(
                                                s -> s.sessionId().toString().equals(fresh.id())));
        assertThat(updated.waiting())
                .allSatisfy(s -> assertThat(s.department().id()).isEqualTo(department));
    }

    @Test
    void anAgentsQueueViewShowsItsDepartmentsChatsBehindAHundredUrgentOnesElsewhere() {
        UUID mine = staff.department();
        UUID busy = staff.department();
        Visitor.Session waiting = staff.waitingSession(mine, "normal");
        // more urgent chats waiting in another department than a queue view holds
        db.sql(
                        """
                        WITH visitor AS (
                            INSERT INTO chat_users (browser_uuid) VALUES (gen_random_uuid()) RETURNING id)
                        INSERT INTO chat_sessions
                            (chat_user_id, department_id, topic, priority, visitor_token_hash)
                        SELECT visitor.id, :busy, 'Antrean ramai', 'urgent', decode(md5(g::text), 'hex')
                          FROM visitor, generate_series(1, :n) g""")
                .bind("busy", busy)
                .bind("n", QueueBroadcaster.QUEUE_VIEW_LIMIT + 1)
                .then()
                .block();
        try {
            StaffFixture.Member member = staff.agent("away", 3, mine);
            ChatSocket agentSide = ChatSocket.signedIn(port, "/ws/agent", staff.login(member));
            sockets.add(agentSide);
            assertThat(agentSide.await(ServerFrame.QueueUpdated.class, q -> true).waiting())
                    .extracting(s -> s.sessionId().toString())
                    .containsExactly(waiting.id());
        } finally {
            // a supervisor's view shows every department: leave no crowd for other tests
            db.sql(
                            "UPDATE chat_sessions SET status = 'closed', ended_at = now() WHERE department_id = :busy")
                    .bind("busy", busy)
                    .then()
                    .block();
        }
    }

    @Test
    void theRestFallbackSendsAndReadsTheSameConversation() {
        ChatSocket agentSide = agentSocket();
        http.post()
                .uri("/api/oss-chat/session/{id}/messages", session.id())
                .headers(h -> h.setBearerAuth(session.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("client_msg_id", "rest-1", "text", "Lewat REST"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.seq")
                .isEqualTo(1)
                .jsonPath("$.client_msg_id")
                .isEqualTo("rest-1");
        agentSide.await(ServerFrame.MessageNew.class, m -> m.clientMsgId().equals("rest-1"));
        agentSide.send(say(sessionId, "a-1", "Dijawab lewat socket"));
        agentSide.await(ServerFrame.MessageAck.class, a -> a.clientMsgId().equals("a-1"));

        http.get()
                .uri("/api/oss-chat/session/{id}/messages?after_seq=1", session.id())
                .headers(h -> h.setBearerAuth(session.token()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.messages.length()")
                .isEqualTo(1)
                .jsonPath("$.messages[0].seq")
                .isEqualTo(2)
                .jsonPath("$.messages[0].text")
                .isEqualTo("Dijawab lewat socket")
                .jsonPath("$.last_seq")
                .isEqualTo(2);
    }

    @Test
    void aClosedChatIsAnnouncedAndTakesNoMoreMessages() {
        ChatSocket visitor = visitorSocket();
        http.post()
                .uri("/api/chat/close")
                .headers(h -> h.setBearerAuth(staff.login(agent)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", session.id()))
                .exchange()
                .expectStatus()
                .isOk();
        ServerFrame.SessionUpdated closed =
                visitor.await(
                        ServerFrame.SessionUpdated.class, u -> u.status() == SessionStatus.CLOSED);
        assertThat(closed.closeReason()).isEqualTo("resolved");
        visitor.send(say(sessionId, "late", "Satu lagi"));
        assertThat(visitor.await(ServerFrame.Error.class, e -> "late".equals(e.ref())).code())
                .isEqualTo("session_closed");
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_messages WHERE session_id = '"
                                        + sessionId
                                        + "'"))
                .isZero();
    }
}
