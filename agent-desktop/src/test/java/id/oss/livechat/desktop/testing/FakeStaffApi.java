package id.oss.livechat.desktop.testing;

import id.oss.livechat.desktop.connection.ApiException;
import id.oss.livechat.desktop.connection.ServerHealth;
import id.oss.livechat.desktop.connection.StaffApi;
import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.MessagePage;
import id.oss.livechat.model.staff.Agent;
import id.oss.livechat.model.staff.DepartmentInfo;
import id.oss.livechat.model.staff.LoginResponse;
import id.oss.livechat.model.staff.SessionList;
import id.oss.livechat.model.staff.StaffProfile;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.staff.TransferRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** An in-memory staff API: answers from its fields, records the calls that change things. */
public final class FakeStaffApi implements StaffApi {
    public volatile Supplier<ServerHealth> health = () -> new ServerHealth("ok", "0.1.0-SNAPSHOT");
    public volatile RuntimeException loginFailure;
    public volatile StaffProfile user = DemoData.AGENT;
    public final List<StaffSession> waiting = new CopyOnWriteArrayList<>();
    public final List<StaffSession> active = new CopyOnWriteArrayList<>();

    /** Sessions neither waiting nor active (closed, or another's): what a look-up finds. */
    public final List<StaffSession> elsewhere = new CopyOnWriteArrayList<>();

    public volatile RuntimeException assignFailure;
    public volatile RuntimeException statusFailure;
    public final Map<UUID, List<ChatMessage>> transcripts = new ConcurrentHashMap<>();
    public final Map<UUID, List<StaffSession>> visitorHistory = new ConcurrentHashMap<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final List<AgentStatus> statuses = new CopyOnWriteArrayList<>();
    public volatile int pageSize = 100;
    public final List<Agent> agents = new CopyOnWriteArrayList<>(DemoData.agents());

    @Override
    public ServerHealth health() {
        calls.add("health");
        return health.get();
    }

    @Override
    public LoginResponse login(String username, String password) {
        calls.add("login " + username);
        if (loginFailure != null) {
            throw loginFailure;
        }
        return DemoData.login(user);
    }

    @Override
    public void signOut() {
        calls.add("signOut");
    }

    @Override
    public void forgetToken() {
        calls.add("forgetToken");
    }

    @Override
    public Agent setStatus(AgentStatus status) {
        calls.add("status " + status.wire());
        if (statusFailure != null) {
            throw statusFailure;
        }
        statuses.add(status);
        Agent me = DemoData.agents().get(0);
        return new Agent(
                me.id(),
                me.username(),
                me.displayName(),
                me.email(),
                me.role(),
                status,
                me.departmentIds(),
                me.maxChats(),
                me.activeChats(),
                true);
    }

    @Override
    public SessionList waiting() {
        return new SessionList(List.copyOf(waiting), false, null);
    }

    @Override
    public SessionList active() {
        return new SessionList(List.copyOf(active), false, null);
    }

    @Override
    public SessionList activeOf(UUID agentId) {
        calls.add("activeOf " + agentId);
        return new SessionList(
                active.stream()
                        .filter(s -> s.agent() != null && agentId.equals(s.agent().id()))
                        .toList(),
                false,
                null);
    }

    @Override
    public StaffSession assign(UUID sessionId, UUID agentId) {
        calls.add("assign " + sessionId + " " + agentId);
        if (assignFailure != null) {
            throw assignFailure;
        }
        StaffSession session =
                waiting.stream()
                        .filter(s -> s.sessionId().equals(sessionId))
                        .findFirst()
                        .orElseThrow(() -> new ApiException(409, "session_not_waiting", null));
        waiting.remove(session);
        StaffSession assigned = DemoData.assigned(session, user);
        active.add(assigned);
        return assigned;
    }

    @Override
    public StaffSession close(UUID sessionId, String reason) {
        return close(sessionId, reason, null);
    }

    /** Noted as "close id reason", with " [code]" when a close reason was chosen. */
    @Override
    public StaffSession close(UUID sessionId, String reason, String reasonCode) {
        calls.add(
                "close "
                        + sessionId
                        + " "
                        + reason
                        + (reasonCode == null ? "" : " [" + reasonCode + "]"));
        return find(sessionId);
    }

    @Override
    public StaffSession transfer(TransferRequest request) {
        calls.add(
                "transfer "
                        + request.sessionId()
                        + " "
                        + request.agentId()
                        + " "
                        + request.departmentId());
        StaffSession s = find(request.sessionId());
        return new StaffSession(
                s.sessionId(),
                s.chatUserId(),
                SessionStatus.WAITING,
                s.topic(),
                s.priority(),
                s.department(),
                null,
                s.contact(),
                s.verified(),
                s.ossUserId(),
                s.visitorEmail(),
                s.startedAt(),
                s.queuedAt(),
                null,
                null,
                null,
                s.lastSeq(),
                s.unread(),
                1,
                null);
    }

    @Override
    public StaffSession session(UUID sessionId) {
        return find(sessionId);
    }

    /** Set to make the next notes fail as the server would refuse them. */
    public volatile RuntimeException noteFailure;

    /** A note is stored as the transcript's next number, from the signed-in user, internal. */
    @Override
    public ChatMessage writeNote(UUID sessionId, String clientMsgId, String text) {
        calls.add("note " + sessionId + " " + text);
        if (noteFailure != null) {
            throw noteFailure;
        }
        List<ChatMessage> transcript =
                transcripts.computeIfAbsent(sessionId, id -> new CopyOnWriteArrayList<>());
        long seq = transcript.stream().mapToLong(ChatMessage::seq).max().orElse(0) + 1;
        ChatMessage note =
                new ChatMessage(
                        sessionId,
                        seq,
                        clientMsgId,
                        new id.oss.livechat.model.realtime.Sender(
                                id.oss.livechat.model.SenderType.AGENT,
                                user.id(),
                                user.displayName()),
                        text,
                        java.time.Instant.now(),
                        true);
        transcript.add(note);
        return note;
    }

    @Override
    public MessagePage messages(UUID sessionId, long afterSeq, int limit) {
        calls.add("messages " + sessionId + " " + afterSeq);
        List<ChatMessage> all = transcripts.getOrDefault(sessionId, List.of());
        List<ChatMessage> after =
                all.stream()
                        .filter(m -> m.seq() > afterSeq)
                        .limit(Math.min(limit, pageSize))
                        .toList();
        long last = after.isEmpty() ? afterSeq : after.get(after.size() - 1).seq();
        boolean more = all.stream().anyMatch(m -> m.seq() > last);
        return new MessagePage(sessionId, after, more, last);
    }

    @Override
    public SessionList visitorSessions(UUID chatUserId) {
        return new SessionList(visitorHistory.getOrDefault(chatUserId, List.of()), false, null);
    }

    @Override
    public List<Agent> agents() {
        return List.copyOf(agents);
    }

    @Override
    public List<DepartmentInfo> departments() {
        return DemoData.departments();
    }

    private StaffSession find(UUID id) {
        List<StaffSession> all = new ArrayList<>(active);
        all.addAll(waiting);
        all.addAll(elsewhere);
        return all.stream()
                .filter(s -> s.sessionId().equals(id))
                .findFirst()
                .orElseThrow(() -> new ApiException(404, "not_found", null));
    }
}
