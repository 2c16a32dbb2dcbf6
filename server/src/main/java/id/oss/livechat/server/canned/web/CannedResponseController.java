package id.oss.livechat.server.canned.web;

import id.oss.livechat.model.canned.CannedResponse;
import id.oss.livechat.model.canned.CannedResponseRequest;
import id.oss.livechat.server.canned.CannedReplies;
import id.oss.livechat.server.canned.CannedReply;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.system.web.PathIds;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/canned-responses}: every staff member; the use case checks who may change what. */
@RestController
@RequestMapping("/api/canned-responses")
public class CannedResponseController {
    private final CannedReplies replies;

    public CannedResponseController(CannedReplies replies) {
        this.replies = replies;
    }

    @GetMapping
    public Mono<List<CannedResponse>> list(@AuthenticationPrincipal Staff me) {
        return replies.list(me).map(CannedResponseController::toWire).collectList();
    }

    @PostMapping
    public Mono<ResponseEntity<CannedResponse>> create(
            @AuthenticationPrincipal Staff me, @RequestBody CannedResponseRequest body) {
        return replies.create(me, body)
                .map(reply -> ResponseEntity.status(HttpStatus.CREATED).body(toWire(reply)));
    }

    @PutMapping("/{id}")
    public Mono<CannedResponse> update(
            @AuthenticationPrincipal Staff me,
            @PathVariable("id") String id,
            @RequestBody CannedResponseRequest body) {
        return replies.update(me, PathIds.parse(id, "The canned reply"), body)
                .map(CannedResponseController::toWire);
    }

    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(
            @AuthenticationPrincipal Staff me, @PathVariable("id") String id) {
        return replies.delete(me, PathIds.parse(id, "The canned reply"))
                .thenReturn(ResponseEntity.noContent().<Void>build());
    }

    static CannedResponse toWire(CannedReply reply) {
        return new CannedResponse(
                reply.id(),
                reply.shortcut(),
                reply.text(),
                reply.language(),
                reply.departmentId(),
                reply.departmentName(),
                reply.personal(),
                reply.updatedAt());
    }
}
