package id.oss.livechat.server.agent.web;

import id.oss.livechat.model.staff.LoginRequest;
import id.oss.livechat.model.staff.LoginResponse;
import id.oss.livechat.server.agent.SignOutAndPasswords;
import id.oss.livechat.server.agent.StaffLogin;
import id.oss.livechat.server.audit.AuditAction;
import id.oss.livechat.server.audit.AuditTrail;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.system.web.RequestInfo;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /api/auth/login}: a staff member's password for a JWT; {@code logout} revokes it. */
@RestController
public class AuthController {
    private final StaffLogin login;
    private final SignOutAndPasswords access;
    private final AuditTrail audit;

    public AuthController(StaffLogin login, SignOutAndPasswords access, AuditTrail audit) {
        this.login = login;
        this.access = access;
        this.audit = audit;
    }

    @PostMapping("/api/auth/login")
    public Mono<LoginResponse> login(@RequestBody LoginRequest body, ServerHttpRequest request) {
        return Mono.defer(
                        () ->
                                login.login(
                                        body,
                                        String.valueOf(RequestInfo.client(request).ipAddress())))
                .flatMap(this::signedIn)
                .onErrorResume(Problem.class, refused -> failed(body, refused));
    }

    private Mono<LoginResponse> signedIn(LoginResponse response) {
        AuditTrail.Actor actor =
                new AuditTrail.Actor(response.user().username(), response.user().id());
        return audit.record(actor, AuditAction.SIGN_IN, "staff:" + actor.id(), null)
                .thenReturn(response);
    }

    /** A refused sign-in is recorded under the name tried (never the password), then answered. */
    private Mono<LoginResponse> failed(LoginRequest body, Problem refused) {
        return audit.record(
                        AuditTrail.Actor.attempt(body.username()),
                        AuditAction.SIGN_IN_FAILED,
                        null,
                        refused.code())
                .then(Mono.error(refused));
    }

    /** A fresh token (new expiry, same version) for the valid one sent: renewal mid-shift. */
    @PostMapping("/api/auth/refresh")
    public Mono<LoginResponse> refresh(@AuthenticationPrincipal Staff me) {
        return login.renew(me.id());
    }

    /** Signs out: this token and every other of the account answer 401 from now on. */
    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> logout(@AuthenticationPrincipal Staff me) {
        return access.signOut(me).then(onOwnAccount(me, AuditAction.SIGN_OUT));
    }

    /** The audit entry of something a staff member did to its own access, once it is done. */
    private Mono<Void> onOwnAccount(Staff me, String action) {
        return Mono.defer(() -> audit.record(me, action, "staff:" + me.id(), null));
    }
}
