package id.oss.livechat.server.session.web;

import id.oss.livechat.model.staff.AssignRequest;
import id.oss.livechat.model.staff.CloseRequest;
import id.oss.livechat.model.staff.PriorityRequest;
import id.oss.livechat.model.staff.SessionList;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.staff.TransferRequest;
import id.oss.livechat.server.audit.AuditAction;
import id.oss.livechat.server.audit.AuditTrail;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.common.Texts;
import id.oss.livechat.server.routing.Assignments;
import id.oss.livechat.server.session.CloseCodes;
import id.oss.livechat.server.session.SessionLifecycle;
import id.oss.livechat.server.session.SessionPriority;
import id.oss.livechat.server.session.StaffSessionWire;
import id.oss.livechat.server.session.StaffSessions;
import id.oss.livechat.server.system.web.PathIds;
import id.oss.livechat.server.system.web.QueryParams;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The staff API under {@code /api/chat}, as the agent desktop calls it: the queue, the active
 * chats, one chat, assign, close, transfer, a visitor's chats.
 */
@RestController
@RequestMapping("/api/chat")
public class StaffChatController {
    private final StaffSessions sessions;
    private final Assignments assignments;
    private final SessionLifecycle lifecycle;
    private final AuditTrail audit;
    private final SessionPriority priorities;
    private final CloseCodes closeReasons;

    public StaffChatController(
            StaffSessions sessions,
            Assignments assignments,
            SessionLifecycle lifecycle,
            SessionPriority priorities,
            CloseCodes closeReasons,
            AuditTrail audit) {
        this.sessions = sessions;
        this.assignments = assignments;
        this.lifecycle = lifecycle;
        this.priorities = priorities;
        this.closeReasons = closeReasons;
        this.audit = audit;
    }

    @GetMapping("/waiting")
    public Mono<SessionList> waiting(
            @AuthenticationPrincipal Staff me,
            @RequestParam(name = "department_id", required = false) String departmentId,
            @RequestParam(name = "limit", required = false) String limit,
            @RequestParam(name = "cursor", required = false) String cursor) {
        FieldCheck check = FieldCheck.of();
        QueryParams params = new QueryParams(check);
        UUID department = params.uuid("department_id", departmentId);
        Integer size = params.integer("limit", limit);
        check.orThrow();
        return sessions.waiting(me, department, new StaffSessions.Page(size, cursor))
                .map(StaffSessionWire::of);
    }

    @GetMapping("/active")
    public Mono<SessionList> active(
            @AuthenticationPrincipal Staff me,
            @RequestParam(name = "agent_id", required = false) String agentId,
            @RequestParam(name = "limit", required = false) String limit,
            @RequestParam(name = "cursor", required = false) String cursor) {
        FieldCheck check = FieldCheck.of();
        QueryParams params = new QueryParams(check);
        UUID agent = params.uuid("agent_id", agentId);
        Integer size = params.integer("limit", limit);
        check.orThrow();
        return sessions.active(me, agent, new StaffSessions.Page(size, cursor))
                .map(StaffSessionWire::of);
    }

    @PostMapping("/assign")
    public Mono<StaffSession> assign(
            @AuthenticationPrincipal Staff me, @RequestBody AssignRequest body) {
        return assignments
                .assign(me, body.sessionId(), body.agentId())
                .flatMap(
                        agent ->
                                audit.record(
                                        me,
                                        AuditAction.ASSIGNED,
                                        "session:" + body.sessionId(),
                                        "to staff:" + agent))
                .then(sessions.get(me, body.sessionId()))
                .map(StaffSessionWire::of);
    }

    @PostMapping("/close")
    public Mono<StaffSession> close(
            @AuthenticationPrincipal Staff me, @RequestBody CloseRequest body) {
        // a close reason from the admins' list is checked first and noted once the chat is closed;
        // without free text, the code is also the chat's close_reason
        String code = Texts.clean(body.reasonCode());
        String reason = Texts.clean(body.reason()) == null ? code : body.reason();
        return closeReasons
                .check(code)
                .then(Mono.defer(() -> lifecycle.close(me, body.sessionId(), reason)))
                .flatMap(id -> closeReasons.record(id, code).thenReturn(id))
                .flatMap(
                        id ->
                                audit.record(me, AuditAction.CLOSED, "session:" + id, null)
                                        .thenReturn(id))
                .flatMap(id -> sessions.get(me, id))
                .map(StaffSessionWire::of);
    }

    @PostMapping("/transfer")
    public Mono<StaffSession> transfer(
            @AuthenticationPrincipal Staff me, @RequestBody TransferRequest body) {
        // the agent who handed the chat on may no longer see it: answer as a supervisor would see
        // it
        return lifecycle
                .transfer(me, body)
                .flatMap(
                        id ->
                                audit.record(
                                                me,
                                                AuditAction.TRANSFERRED,
                                                "session:" + id,
                                                transferTarget(body))
                                        .thenReturn(id))
                .flatMap(id -> sessions.getAfterHandover(id))
                .map(StaffSessionWire::of);
    }

    @GetMapping("/session/{id}")
    public Mono<StaffSession> session(
            @AuthenticationPrincipal Staff me, @PathVariable("id") String id) {
        UUID session = PathIds.parse(id, "The session");
        return audit.after(
                        sessions.get(me, session),
                        me,
                        AuditAction.SESSION_OPENED,
                        opened -> "session:" + session)
                .map(StaffSessionWire::of);
    }

    private static String transferTarget(TransferRequest body) {
        return body.agentId() != null
                ? "to staff:" + body.agentId()
                : "to department:" + body.departmentId();
    }

    /** Staff raise (or lower) a chat in its queue; visitors cannot ask for more than normal. */
    @PutMapping("/session/{id}/priority")
    public Mono<StaffSession> priority(
            @AuthenticationPrincipal Staff me,
            @PathVariable("id") String id,
            @RequestBody PriorityRequest body) {
        return priorities
                .set(me, PathIds.parse(id, "The session"), body.priority())
                .map(StaffSessionWire::of);
    }

    @GetMapping("/visitors/{chat_user_id}/sessions")
    public Mono<SessionList> visitorSessions(
            @AuthenticationPrincipal Staff me,
            @PathVariable("chat_user_id") String chatUserId,
            @RequestParam(name = "limit", required = false) String limit,
            @RequestParam(name = "cursor", required = false) String cursor) {
        UUID visitor = PathIds.parse(chatUserId, "The visitor");
        FieldCheck check = FieldCheck.of();
        Integer size = new QueryParams(check).integer("limit", limit);
        check.orThrow();
        return audit.after(
                        sessions.ofVisitor(me, visitor, new StaffSessions.Page(size, cursor)),
                        me,
                        AuditAction.VISITOR_HISTORY_READ,
                        page -> "visitor:" + visitor)
                .map(StaffSessionWire::of);
    }
}
