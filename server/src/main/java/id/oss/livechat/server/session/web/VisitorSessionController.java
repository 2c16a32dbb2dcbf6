package id.oss.livechat.server.session.web;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.visitor.ContactRequest;
import id.oss.livechat.model.visitor.ContactResponse;
import id.oss.livechat.model.visitor.HistoryPage;
import id.oss.livechat.model.visitor.RatingRequest;
import id.oss.livechat.model.visitor.SessionView;
import id.oss.livechat.model.visitor.StartChatRequest;
import id.oss.livechat.model.visitor.StartChatResponse;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.session.VisitorEndsChat;
import id.oss.livechat.server.session.VisitorSessions;
import id.oss.livechat.server.system.web.PathIds;
import id.oss.livechat.server.system.web.QueryParams;
import id.oss.livechat.server.system.web.RequestInfo;
import id.oss.livechat.server.visitor.VisitorIdentities;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The visitor API under {@code /api/oss-chat}, as the website widget calls it. */
@RestController
@RequestMapping("/api/oss-chat")
public class VisitorSessionController {
    private final VisitorSessions sessions;
    private final VisitorEndsChat ending;

    public VisitorSessionController(VisitorSessions sessions, VisitorEndsChat ending) {
        this.sessions = sessions;
        this.ending = ending;
    }

    @PostMapping("/start")
    public Mono<ResponseEntity<StartChatResponse>> start(
            @RequestBody StartChatRequest body, ServerHttpRequest request) {
        return sessions.start(body, RequestInfo.client(request))
                .map(started -> ResponseEntity.status(HttpStatus.CREATED).body(started));
    }

    @PostMapping("/contact")
    public Mono<ContactResponse> contact(
            @RequestBody ContactRequest body, ServerHttpRequest request) {
        return sessions.saveContact(body, RequestInfo.bearerToken(request));
    }

    @GetMapping("/session/{id}")
    public Mono<SessionView> session(@PathVariable("id") String id, ServerHttpRequest request) {
        return sessions.view(PathIds.parse(id, "The session"), RequestInfo.bearerToken(request));
    }

    /** The visitor ends the chat or leaves the queue; answers the session as it now stands. */
    @PostMapping("/session/{id}/close")
    public Mono<SessionView> close(@PathVariable("id") String id, ServerHttpRequest request) {
        UUID sessionId = PathIds.parse(id, "The session");
        String token = RequestInfo.bearerToken(request);
        return ending.end(sessionId, token).then(sessions.view(sessionId, token));
    }

    @PostMapping("/session/{id}/rating")
    public Mono<ResponseEntity<Void>> rate(
            @PathVariable("id") String id,
            @RequestBody RatingRequest body,
            ServerHttpRequest request) {
        return sessions.rate(
                        PathIds.parse(id, "The session"), RequestInfo.bearerToken(request), body)
                .thenReturn(ResponseEntity.noContent().<Void>build());
    }

    @GetMapping("/history")
    public Mono<HistoryPage> history(
            @RequestParam(name = "browser_uuid", required = false) String browserUuid,
            @RequestParam(name = "oss_user_id", required = false) String ossUserId,
            @RequestParam(name = "identity_hash", required = false) String identityHash,
            @RequestParam(name = "limit", required = false) String limit,
            @RequestParam(name = "cursor", required = false) String cursor,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to) {
        FieldCheck check = FieldCheck.of();
        QueryParams params = new QueryParams(check);
        UUID browser = params.uuid("browser_uuid", browserUuid);
        Integer pageSize = params.integer("limit", limit);
        SessionStatus wanted =
                params.choice("status", status, SessionStatus.class, SessionStatus::fromWire);
        Instant fromTime = params.instant("from", from, false);
        Instant toTime = params.instant("to", to, true);
        check.orThrow();
        VisitorIdentities.Claim claim =
                new VisitorIdentities.Claim(browser, ossUserId, null, identityHash);
        return sessions.history(
                new VisitorSessions.HistoryRequest(
                        claim, pageSize, cursor, wanted, fromTime, toTime));
    }
}
