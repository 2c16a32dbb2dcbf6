package id.oss.livechat.server.visitor.web;

import id.oss.livechat.model.visitor.LinkUserRequest;
import id.oss.livechat.model.visitor.LinkUserResponse;
import id.oss.livechat.server.system.web.RequestInfo;
import id.oss.livechat.server.visitor.VisitorIdentities;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /api/oss-chat/link-user}: the portal tells us its visitor just logged in. */
@RestController
public class LinkUserController {
    private final VisitorIdentities identities;

    public LinkUserController(VisitorIdentities identities) {
        this.identities = identities;
    }

    @PostMapping("/api/oss-chat/link-user")
    public Mono<LinkUserResponse> link(
            @RequestBody LinkUserRequest body, ServerHttpRequest request) {
        return identities.link(body, RequestInfo.client(request));
    }
}
