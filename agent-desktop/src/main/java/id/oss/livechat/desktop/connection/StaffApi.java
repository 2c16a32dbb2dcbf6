package id.oss.livechat.desktop.connection;

import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.MessagePage;
import id.oss.livechat.model.staff.Agent;
import id.oss.livechat.model.staff.DepartmentInfo;
import id.oss.livechat.model.staff.LoginResponse;
import id.oss.livechat.model.staff.SessionList;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.staff.TransferRequest;
import java.util.List;
import java.util.UUID;

/**
 * The port to the server's staff REST API. Calls block: view-models run them through {@code
 * Background}, never on the FX thread. Failures are {@link ApiException} (the server answered with
 * an error) or {@link ServerUnreachableException} (it did not answer).
 */
public interface StaffApi {

    /** {@code GET /health}: that the server runs, and its version. */
    ServerHealth health();

    /** {@code POST /api/auth/login}; later calls carry the token it returns. */
    LoginResponse login(String username, String password);

    /**
     * Sign-out: {@code POST /api/auth/logout}, so the token (and every other of the account) stops
     * working on the server, then forgets it. A server that cannot be reached keeps the token valid
     * until it expires; the desktop forgets it anyway.
     */
    void signOut();

    /** Forgets the token without telling the server: it refused the token already (4401). */
    void forgetToken();

    Agent setStatus(AgentStatus status);

    SessionList waiting();

    SessionList active();

    /**
     * The chats in progress of one agent: "my chats" (a supervisor's {@link #active()} lists
     * everyone's).
     */
    SessionList activeOf(UUID agentId);

    /** Takes ({@code agentId} = one's own) or assigns a waiting session. */
    StaffSession assign(UUID sessionId, UUID agentId);

    StaffSession close(UUID sessionId, String reason);

    /**
     * Closes with one of the close reasons admins defined ({@code reasonCode}, or null) and free
     * text ({@code reason}, or null).
     */
    StaffSession close(UUID sessionId, String reason, String reasonCode);

    StaffSession transfer(TransferRequest request);

    StaffSession session(UUID sessionId);

    MessagePage messages(UUID sessionId, long afterSeq, int limit);

    /**
     * {@code POST /api/chat/session/:id/notes}: a staff-only note; the stored note comes back. A
     * retry with the same {@code clientMsgId} is stored once.
     */
    ChatMessage writeNote(UUID sessionId, String clientMsgId, String text);

    /** That visitor's sessions, newest first. */
    SessionList visitorSessions(UUID chatUserId);

    List<Agent> agents();

    List<DepartmentInfo> departments();
}
