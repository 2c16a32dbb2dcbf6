package id.oss.livechat.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node whose components were stopped and started again, as Spring's {@code pause()} and {@code
 * restart()} do (the test framework pauses a cached context whenever a test class uses another
 * one): it takes chat sockets again and delivers on them, instead of turning every new socket away
 * as a node going down does.
 */
class RestartedNodeTest extends ServerTest {
    @Autowired private ConfigurableApplicationContext context;
    private final List<ChatSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(ChatSocket::close);
    }

    @Test
    void afterAPauseAndARestartVisitorAndAgentSignInAndTalk() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("online", 3, department);
        Visitor.Session session = staff.waitingSession(department, "normal");
        UUID sessionId = UUID.fromString(session.id());

        context.pause();
        context.restart();

        ChatSocket visitor = signedIn("/ws/visitor", session.token());
        ChatSocket agentSide = signedIn("/ws/agent", staff.login(agent));
        visitor.await(ServerFrame.SessionUpdated.class, u -> u.status() == SessionStatus.ACTIVE);
        visitor.send(new ClientFrame.MessageSend(sessionId, "v-1", "Masih di sana?"));
        ServerFrame.MessageNew atAgent =
                agentSide.await(
                        ServerFrame.MessageNew.class, m -> "Masih di sana?".equals(m.text()));
        assertThat(atAgent.seq()).isEqualTo(1);
    }

    private ChatSocket signedIn(String path, String token) {
        ChatSocket socket = ChatSocket.signedIn(port, path, token);
        sockets.add(socket);
        return socket;
    }
}
