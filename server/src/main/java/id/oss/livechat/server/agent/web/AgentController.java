package id.oss.livechat.server.agent.web;

import id.oss.livechat.model.staff.Agent;
import id.oss.livechat.model.staff.NewAgentRequest;
import id.oss.livechat.model.staff.PasswordChangeRequest;
import id.oss.livechat.model.staff.StatusRequest;
import id.oss.livechat.model.staff.UpdateAgentRequest;
import id.oss.livechat.server.agent.AgentPresence;
import id.oss.livechat.server.agent.SignOutAndPasswords;
import id.oss.livechat.server.agent.StaffDirectory;
import id.oss.livechat.server.audit.AuditAction;
import id.oss.livechat.server.audit.AuditTrail;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.system.web.PathIds;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Staff accounts ({@code /api/agents}): admins manage them, every staff member sets its own status.
 */
@RestController
@RequestMapping("/api/agents")
public class AgentController {
    private final StaffDirectory directory;
    private final AgentPresence presence;
    private final SignOutAndPasswords access;
    private final AuditTrail audit;

    public AgentController(
            StaffDirectory directory,
            AgentPresence presence,
            SignOutAndPasswords access,
            AuditTrail audit) {
        this.directory = directory;
        this.presence = presence;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping
    public Mono<List<Agent>> list(@AuthenticationPrincipal Staff me) {
        return directory.list(me).collectList();
    }

    @GetMapping("/me")
    public Mono<Agent> me(@AuthenticationPrincipal Staff me) {
        return directory.get(me.id());
    }

    @GetMapping("/{id}")
    public Mono<Agent> get(@AuthenticationPrincipal Staff me, @PathVariable("id") String id) {
        return directory.get(me, PathIds.parse(id, "The agent"));
    }

    @PostMapping
    public Mono<ResponseEntity<Agent>> create(
            @AuthenticationPrincipal Staff me, @RequestBody NewAgentRequest body) {
        return directory
                .create(body)
                .flatMap(
                        agent ->
                                audit.record(
                                                me,
                                                AuditAction.STAFF_CREATED,
                                                "staff:" + agent.id(),
                                                "username="
                                                        + agent.username()
                                                        + " role="
                                                        + agent.role())
                                        .thenReturn(agent))
                .map(agent -> ResponseEntity.status(HttpStatus.CREATED).body(agent));
    }

    @PutMapping("/{id}")
    public Mono<Agent> update(
            @AuthenticationPrincipal Staff me,
            @PathVariable("id") String id,
            @RequestBody UpdateAgentRequest body) {
        return directory
                .update(PathIds.parse(id, "The agent"), body)
                .flatMap(
                        agent ->
                                audit.record(
                                                me,
                                                AuditAction.STAFF_UPDATED,
                                                "staff:" + agent.id(),
                                                changed(body))
                                        .thenReturn(agent));
    }

    /**
     * Which fields an update changed, by name: the trail says what kind of change, not a password.
     */
    private static String changed(UpdateAgentRequest body) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        if (body.displayName() != null) fields.add("display_name");
        if (body.email() != null) fields.add("email");
        if (body.password() != null) fields.add("password");
        if (body.role() != null) fields.add("role=" + body.role());
        if (body.departmentIds() != null) fields.add("department_ids");
        if (body.maxChats() != null) fields.add("max_chats=" + body.maxChats());
        if (body.active() != null) fields.add("active=" + body.active());
        return "changed " + String.join(" ", fields);
    }

    @PutMapping("/me/status")
    public Mono<Agent> status(@AuthenticationPrincipal Staff me, @RequestBody StatusRequest body) {
        return presence.setStatus(me, body.status());
    }

    /** One's own new password, with the current one; every earlier token is revoked. */
    @PutMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> password(
            @AuthenticationPrincipal Staff me, @RequestBody PasswordChangeRequest body) {
        return access.changePassword(me, body).then(onOwnAccount(me, AuditAction.PASSWORD_CHANGED));
    }

    /** The audit entry of something a staff member did to its own access, once it is done. */
    private Mono<Void> onOwnAccount(Staff me, String action) {
        return Mono.defer(() -> audit.record(me, action, "staff:" + me.id(), null));
    }
}
