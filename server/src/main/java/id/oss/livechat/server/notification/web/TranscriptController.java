package id.oss.livechat.server.notification.web;

import id.oss.livechat.model.visitor.TranscriptRequest;
import id.oss.livechat.server.notification.Notifications;
import id.oss.livechat.server.system.web.PathIds;
import id.oss.livechat.server.system.web.RequestInfo;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/oss-chat/session/:id/transcript}: the visitor asks for the transcript by mail.
 */
@RestController
public class TranscriptController {
    private final Notifications notifications;

    public TranscriptController(Notifications notifications) {
        this.notifications = notifications;
    }

    @PostMapping("/api/oss-chat/session/{id}/transcript")
    public Mono<ResponseEntity<Map<String, Object>>> request(
            @PathVariable("id") String id,
            @RequestBody(required = false) TranscriptRequest body,
            ServerHttpRequest request) {
        return notifications
                .requestTranscript(
                        PathIds.parse(id, "The session"),
                        RequestInfo.bearerToken(request),
                        body == null ? new TranscriptRequest(null) : body)
                .map(
                        requested ->
                                ResponseEntity.status(HttpStatus.ACCEPTED)
                                        .body(
                                                Map.<String, Object>of(
                                                        "queued",
                                                        true,
                                                        "email",
                                                        requested.email(),
                                                        "already_sent",
                                                        requested.alreadySent())));
    }
}
