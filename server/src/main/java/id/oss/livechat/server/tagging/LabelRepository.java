package id.oss.livechat.server.tagging;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Tags and close reasons in the database; a code taken already fails with a conflict problem. */
public interface LabelRepository {
    Flux<Label> list(LabelKind kind, boolean withRetired);

    Mono<Label> find(LabelKind kind, String code);

    Mono<Label> create(LabelKind kind, Label label);

    /** Changes the labels and the active flag (each null: unchanged); empty when no such code. */
    Mono<Label> update(LabelKind kind, String code, String labelId, String labelEn, Boolean active);
}
