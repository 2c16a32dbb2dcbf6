package id.oss.livechat.server.agent.web;

import id.oss.livechat.model.staff.LoginRequest;
import id.oss.livechat.model.staff.LoginResponse;
import id.oss.livechat.server.agent.StaffLogin;
import id.oss.livechat.server.system.web.RequestInfo;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /api/auth/login}: a staff member's password for a JWT. */
@RestController
public class AuthController {
    private final StaffLogin login;

    public AuthController(StaffLogin login) {
        this.login = login;
    }

    @PostMapping("/api/auth/login")
    public Mono<LoginResponse> login(@RequestBody LoginRequest body, ServerHttpRequest request) {
        return login.login(body, String.valueOf(RequestInfo.client(request).ipAddress()));
    }
}
