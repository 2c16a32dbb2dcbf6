package id.oss.livechat.server.agent.web;

import id.oss.livechat.model.staff.LoginRequest;
import id.oss.livechat.model.staff.LoginResponse;
import id.oss.livechat.server.agent.SignOutAndPasswords;
import id.oss.livechat.server.agent.StaffLogin;
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

    public AuthController(StaffLogin login, SignOutAndPasswords access) {
        this.login = login;
        this.access = access;
    }

    @PostMapping("/api/auth/login")
    public Mono<LoginResponse> login(@RequestBody LoginRequest body, ServerHttpRequest request) {
        return login.login(body, String.valueOf(RequestInfo.client(request).ipAddress()));
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
        return access.signOut(me);
    }
}
