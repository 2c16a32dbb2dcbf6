package id.oss.livechat.server.message.web;

import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.MessageAck;
import id.oss.livechat.model.realtime.MessagePage;
import id.oss.livechat.model.realtime.NoteRequest;
import id.oss.livechat.model.realtime.SendMessageRequest;
import id.oss.livechat.server.audit.AuditAction;
import id.oss.livechat.server.audit.AuditTrail;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.message.Messaging;
import id.oss.livechat.server.message.Participant;
import id.oss.livechat.server.system.web.PathIds;
import id.oss.livechat.server.system.web.QueryParams;
import id.oss.livechat.server.system.web.RequestInfo;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A chat's messages over REST: the fallback of the sockets for clients without WebSockets (send a
 * message, read what came after a sequence number; same rules, same storage, same acknowledgement),
 * the staff transcript, and staff-only notes.
 */
@RestController
public class MessageController {
    private final Messaging messaging;
    private final AuditTrail audit;

    public MessageController(Messaging messaging, AuditTrail audit) {
        this.messaging = messaging;
        this.audit = audit;
    }

    @PostMapping("/api/oss-chat/session/{id}/messages")
    public Mono<MessageAck> visitorSends(
            @PathVariable("id") String id,
            @RequestBody SendMessageRequest body,
            ServerHttpRequest request) {
        return messaging.sendWithVisitorToken(
                PathIds.parse(id, "The session"),
                RequestInfo.bearerToken(request),
                body.clientMsgId(),
                body.text());
    }

    @GetMapping("/api/oss-chat/session/{id}/messages")
    public Mono<MessagePage> visitorReads(
            @PathVariable("id") String id,
            @RequestParam(name = "after_seq", required = false) String afterSeq,
            @RequestParam(name = "limit", required = false) String limit,
            ServerHttpRequest request) {
        UUID session = PathIds.parse(id, "The session");
        FieldCheck check = FieldCheck.of();
        QueryParams params = new QueryParams(check);
        Integer after = params.integer("after_seq", afterSeq);
        Integer size = params.integer("limit", limit);
        check.orThrow();
        return messaging.readWithVisitorToken(
                session, RequestInfo.bearerToken(request), after == null ? 0 : after, size);
    }

    @PostMapping("/api/chat/session/{id}/messages")
    public Mono<MessageAck> staffSends(
            @AuthenticationPrincipal Staff me,
            @PathVariable("id") String id,
            @RequestBody SendMessageRequest body) {
        return messaging.send(
                new Participant.Member(me),
                PathIds.parse(id, "The session"),
                body.clientMsgId(),
                body.text());
    }

    @GetMapping("/api/chat/session/{id}/messages")
    public Mono<MessagePage> transcript(
            @AuthenticationPrincipal Staff me,
            @PathVariable("id") String id,
            @RequestParam(name = "after_seq", required = false) String afterSeq,
            @RequestParam(name = "limit", required = false) String limit) {
        UUID session = PathIds.parse(id, "The session");
        FieldCheck check = FieldCheck.of();
        QueryParams params = new QueryParams(check);
        Integer after = params.integer("after_seq", afterSeq);
        Integer size = params.integer("limit", limit);
        check.orThrow();
        return audit.after(
                messaging.transcript(me, session, after == null ? 0 : after, size),
                me,
                AuditAction.TRANSCRIPT_READ,
                page -> "session:" + session);
    }

    @PostMapping("/api/chat/session/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<ChatMessage> staffWritesNote(
            @AuthenticationPrincipal Staff me,
            @PathVariable("id") String id,
            @RequestBody NoteRequest body) {
        return messaging.writeNote(
                me, PathIds.parse(id, "The session"), body.clientMsgId(), body.text());
    }
}
