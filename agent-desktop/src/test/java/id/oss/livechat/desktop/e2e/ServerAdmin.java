package id.oss.livechat.desktop.e2e;

import id.oss.livechat.desktop.connection.HttpStaffApi;
import id.oss.livechat.desktop.connection.ServerAddress;
import id.oss.livechat.desktop.tools.HttpDeskToolsApi;
import id.oss.livechat.model.StaffRole;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.staff.Agent;
import id.oss.livechat.model.staff.DepartmentInfo;
import id.oss.livechat.model.staff.DepartmentRequest;
import id.oss.livechat.model.staff.NewAgentRequest;
import id.oss.livechat.model.staff.RoutingRule;
import id.oss.livechat.model.staff.RoutingRules;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.staff.UpdateAgentRequest;
import java.util.List;
import java.util.UUID;

/**
 * The real server's admin and supervisor API as a test sets the scene with it: a department and
 * agents of the test's own (so tests never share a queue), and the server's word on a session.
 */
public final class ServerAdmin {
    public static final String AGENT_PASSWORD = "agent-password-1";

    private final String address;
    private final HttpStaffApi admin;

    public ServerAdmin(String address) {
        this.address = address;
        this.admin = signedIn("admin", RealServer.PASSWORD);
    }

    /** The staff API signed in as {@code username}. */
    public HttpStaffApi signedIn(String username, String password) {
        HttpStaffApi api = new HttpStaffApi(ServerAddress.parse(address).orElseThrow());
        api.login(username, password);
        return api;
    }

    public HttpStaffApi as(Agent agent) {
        return signedIn(agent.username(), AGENT_PASSWORD);
    }

    /** A department of the test's own. */
    public UUID department(String name) {
        String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
        DepartmentInfo created =
                admin.http()
                        .send(
                                "POST",
                                "/api/departments",
                                new DepartmentRequest(code, name, null, false, true),
                                DepartmentInfo.class);
        return created.id();
    }

    /** The default department, where the demo supervisor and agents work. */
    public UUID defaultDepartment() {
        return admin.departments().stream()
                .filter(DepartmentInfo::isDefault)
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** An agent (offline at first) of the department, with at most {@code maxChats} chats. */
    public Agent agent(String displayName, int maxChats, UUID department) {
        String username = "a" + UUID.randomUUID().toString().substring(0, 8);
        return admin.http()
                .send(
                        "POST",
                        "/api/agents",
                        new NewAgentRequest(
                                username,
                                displayName,
                                null,
                                AGENT_PASSWORD,
                                StaffRole.AGENT,
                                List.of(department),
                                maxChats),
                        Agent.class);
    }

    /** An agent (offline at first) of several departments. */
    public Agent agentOf(String displayName, int maxChats, UUID... departments) {
        String username = "a" + UUID.randomUUID().toString().substring(0, 8);
        return admin.http()
                .send(
                        "POST",
                        "/api/agents",
                        new NewAgentRequest(
                                username,
                                displayName,
                                null,
                                AGENT_PASSWORD,
                                StaffRole.AGENT,
                                List.of(departments),
                                maxChats),
                        Agent.class);
    }

    /** Replaces the routing rules by the citizen's case ({@code PUT /api/routing-rules}). */
    public void routingRules(List<RoutingRule> rules) {
        admin.http().send("PUT", "/api/routing-rules", new RoutingRules(rules), RoutingRules.class);
    }

    public StaffSession session(UUID sessionId) {
        return admin.session(sessionId);
    }

    public List<ChatMessage> transcript(UUID sessionId) {
        return admin.messages(sessionId, 0, 500).messages();
    }

    /** A chat's transcript as the demo supervisor reads it. */
    public List<ChatMessage> supervisorTranscript(UUID sessionId) {
        return signedIn("supervisor", RealServer.PASSWORD).messages(sessionId, 0, 500).messages();
    }

    /** The desk's tools (canned replies, tags, search) as the demo supervisor. */
    public HttpDeskToolsApi supervisorTools() {
        return new HttpDeskToolsApi(signedIn("supervisor", RealServer.PASSWORD).http());
    }

    /** The chat list export of a department, as the demo supervisor downloads it. */
    public String chatListCsv(UUID department) {
        return signedIn("supervisor", RealServer.PASSWORD)
                .http()
                .getText("/api/chat/export.csv?department_id=" + department, "text/csv");
    }

    /** An admin's change to an account ({@code PUT /api/agents/:id}). */
    public Agent update(UUID agentId, UpdateAgentRequest change) {
        return admin.http().send("PUT", "/api/agents/" + agentId, change, Agent.class);
    }

    public Agent account(UUID agentId) {
        return admin.agents().stream()
                .filter(a -> a.id().equals(agentId))
                .findFirst()
                .orElseThrow();
    }
}
