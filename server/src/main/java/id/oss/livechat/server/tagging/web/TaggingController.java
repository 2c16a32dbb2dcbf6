package id.oss.livechat.server.tagging.web;

import id.oss.livechat.model.tagging.CloseReason;
import id.oss.livechat.model.tagging.LabelRequest;
import id.oss.livechat.model.tagging.SessionTags;
import id.oss.livechat.model.tagging.SessionTagsRequest;
import id.oss.livechat.model.tagging.Tag;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.system.web.PathIds;
import id.oss.livechat.server.tagging.ChatTagging;
import id.oss.livechat.server.tagging.Label;
import id.oss.livechat.server.tagging.LabelAdministration;
import id.oss.livechat.server.tagging.LabelKind;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Tags and close reasons ({@code /api/tags}, {@code /api/close-reasons}: every staff member reads,
 * admins change) and the tags of a chat ({@code /api/chat/session/:id/tags}).
 */
@RestController
public class TaggingController {
    private final LabelAdministration labels;
    private final ChatTagging tagging;

    public TaggingController(LabelAdministration labels, ChatTagging tagging) {
        this.labels = labels;
        this.tagging = tagging;
    }

    @GetMapping("/api/tags")
    public Mono<List<Tag>> tags(@RequestParam(name = "all", required = false) String all) {
        return labels.list(LabelKind.TAG, "true".equals(all))
                .map(TaggingController::tag)
                .collectList();
    }

    @PostMapping("/api/tags")
    public Mono<ResponseEntity<Tag>> createTag(
            @AuthenticationPrincipal Staff me, @RequestBody LabelRequest body) {
        return labels.create(me, LabelKind.TAG, body)
                .map(label -> ResponseEntity.status(HttpStatus.CREATED).body(tag(label)));
    }

    @PutMapping("/api/tags/{code}")
    public Mono<Tag> updateTag(
            @AuthenticationPrincipal Staff me,
            @PathVariable("code") String code,
            @RequestBody LabelRequest body) {
        return labels.update(me, LabelKind.TAG, code, body).map(TaggingController::tag);
    }

    @GetMapping("/api/close-reasons")
    public Mono<List<CloseReason>> closeReasons(
            @RequestParam(name = "all", required = false) String all) {
        return labels.list(LabelKind.CLOSE_REASON, "true".equals(all))
                .map(TaggingController::closeReason)
                .collectList();
    }

    @PostMapping("/api/close-reasons")
    public Mono<ResponseEntity<CloseReason>> createCloseReason(
            @AuthenticationPrincipal Staff me, @RequestBody LabelRequest body) {
        return labels.create(me, LabelKind.CLOSE_REASON, body)
                .map(label -> ResponseEntity.status(HttpStatus.CREATED).body(closeReason(label)));
    }

    @PutMapping("/api/close-reasons/{code}")
    public Mono<CloseReason> updateCloseReason(
            @AuthenticationPrincipal Staff me,
            @PathVariable("code") String code,
            @RequestBody LabelRequest body) {
        return labels.update(me, LabelKind.CLOSE_REASON, code, body)
                .map(TaggingController::closeReason);
    }

    @GetMapping("/api/chat/session/{id}/tags")
    public Mono<SessionTags> sessionTags(
            @AuthenticationPrincipal Staff me, @PathVariable("id") String id) {
        UUID session = PathIds.parse(id, "The session");
        return tagging.tagsOf(me, session).map(found -> sessionTags(session, found));
    }

    @PutMapping("/api/chat/session/{id}/tags")
    public Mono<SessionTags> setSessionTags(
            @AuthenticationPrincipal Staff me,
            @PathVariable("id") String id,
            @RequestBody SessionTagsRequest body) {
        UUID session = PathIds.parse(id, "The session");
        return Mono.defer(() -> tagging.setTags(me, session, body.tags()))
                .map(found -> sessionTags(session, found));
    }

    private static SessionTags sessionTags(UUID session, List<Label> labels) {
        return new SessionTags(session, labels.stream().map(TaggingController::tag).toList());
    }

    private static Tag tag(Label label) {
        return new Tag(label.code(), label.labelId(), label.labelEn(), label.active());
    }

    private static CloseReason closeReason(Label label) {
        return new CloseReason(label.code(), label.labelId(), label.labelEn(), label.active());
    }
}
