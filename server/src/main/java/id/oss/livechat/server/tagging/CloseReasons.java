package id.oss.livechat.server.tagging;

import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.session.CloseCodes;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The close flow's hook: a chat is closed with a close reason from the admins' list ({@code
 * reason_code}), free text ({@code reason}), both or neither. The code is checked before the chat
 * closes (a refused close changes nothing) and noted once it has: the session feature's {@link
 * CloseCodes} port.
 */
public class CloseReasons implements CloseCodes {
    private final LabelRepository labels;
    private final SessionTagRepository sessionTags;

    public CloseReasons(LabelRepository labels, SessionTagRepository sessionTags) {
        this.labels = labels;
        this.sessionTags = sessionTags;
    }

    @Override
    public Mono<Void> check(String code) {
        if (code == null) {
            return Mono.empty();
        }
        return labels.find(LabelKind.CLOSE_REASON, code)
                .filter(Label::active)
                .switchIfEmpty(
                        Mono.error(
                                Problem.invalidField(
                                        "reason_code", "is not one of the close reasons")))
                .then();
    }

    @Override
    public Mono<Void> record(UUID sessionId, String code) {
        return code == null ? Mono.empty() : sessionTags.recordCloseReason(sessionId, code);
    }
}
