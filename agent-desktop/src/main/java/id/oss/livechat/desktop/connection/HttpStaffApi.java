package id.oss.livechat.desktop.connection;

import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.MessagePage;
import id.oss.livechat.model.realtime.NoteRequest;
import id.oss.livechat.model.staff.Agent;
import id.oss.livechat.model.staff.AssignRequest;
import id.oss.livechat.model.staff.CloseRequest;
import id.oss.livechat.model.staff.DepartmentInfo;
import id.oss.livechat.model.staff.LoginRequest;
import id.oss.livechat.model.staff.LoginResponse;
import id.oss.livechat.model.staff.SessionList;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.staff.StatusRequest;
import id.oss.livechat.model.staff.TransferRequest;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;

/** {@link StaffApi} over {@link JsonHttp}: one line per endpoint of the contract. */
public final class HttpStaffApi implements StaffApi {
    private final JsonHttp http;

    public HttpStaffApi(ServerAddress server) {
        this(new JsonHttp(server));
    }

    public HttpStaffApi(JsonHttp http) {
        this.http = http;
    }

    /** The HTTP client with this API's token, for other ports of the same server (analytics). */
    public JsonHttp http() {
        return http;
    }

    @Override
    public ServerHealth health() {
        return http.get("/health", ServerHealth.class);
    }

    @Override
    public LoginResponse login(String username, String password) {
        LoginResponse response =
                http.send(
                        "POST",
                        "/api/auth/login",
                        new LoginRequest(username, password),
                        LoginResponse.class);
        http.useToken(response.accessToken());
        return response;
    }

    @Override
    public void signOut() {
        try {
            http.sendNoContent("POST", "/api/auth/logout");
        } catch (ApiException | ServerUnreachableException e) {
            // already revoked (401), or the server is away: the token is forgotten all the same
        } finally {
            http.useToken(null);
        }
    }

    @Override
    public void forgetToken() {
        http.useToken(null);
    }

    @Override
    public Agent setStatus(AgentStatus status) {
        return http.send("PUT", "/api/agents/me/status", new StatusRequest(status), Agent.class);
    }

    @Override
    public SessionList waiting() {
        return http.get("/api/chat/waiting?limit=100", SessionList.class);
    }

    @Override
    public SessionList active() {
        return http.get("/api/chat/active?limit=100", SessionList.class);
    }

    @Override
    public SessionList activeOf(UUID agentId) {
        return http.get("/api/chat/active?limit=100&agent_id=" + agentId, SessionList.class);
    }

    @Override
    public StaffSession assign(UUID sessionId, UUID agentId) {
        return http.send(
                "POST",
                "/api/chat/assign",
                new AssignRequest(sessionId, agentId),
                StaffSession.class);
    }

    @Override
    public StaffSession close(UUID sessionId, String reason) {
        return http.send(
                "POST", "/api/chat/close", new CloseRequest(sessionId, reason), StaffSession.class);
    }

    @Override
    public StaffSession close(UUID sessionId, String reason, String reasonCode) {
        return http.send(
                "POST",
                "/api/chat/close",
                new CloseRequest(sessionId, reason, reasonCode),
                StaffSession.class);
    }

    @Override
    public StaffSession transfer(TransferRequest request) {
        return http.send("POST", "/api/chat/transfer", request, StaffSession.class);
    }

    @Override
    public StaffSession session(UUID sessionId) {
        return http.get("/api/chat/session/" + sessionId, StaffSession.class);
    }

    @Override
    public MessagePage messages(UUID sessionId, long afterSeq, int limit) {
        return http.get(
                "/api/chat/session/"
                        + sessionId
                        + "/messages?after_seq="
                        + afterSeq
                        + "&limit="
                        + limit,
                MessagePage.class);
    }

    @Override
    public ChatMessage writeNote(UUID sessionId, String clientMsgId, String text) {
        return http.send(
                "POST",
                "/api/chat/session/" + sessionId + "/notes",
                new NoteRequest(text, clientMsgId),
                ChatMessage.class);
    }

    @Override
    public SessionList visitorSessions(UUID chatUserId) {
        return http.get(
                "/api/chat/visitors/" + chatUserId + "/sessions?limit=50", SessionList.class);
    }

    @Override
    public List<Agent> agents() {
        return http.get("/api/agents", new TypeReference<List<Agent>>() {});
    }

    @Override
    public List<DepartmentInfo> departments() {
        return http.get("/api/departments", new TypeReference<List<DepartmentInfo>>() {});
    }
}
