package id.oss.livechat.server.canned;

import id.oss.livechat.model.Language;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Canned replies in the database. A shortcut taken in the same scope and language fails with a
 * {@code conflict} problem.
 */
public interface CannedReplyRepository {

    /**
     * The personal replies of {@code ownerId} and the shared replies of {@code departmentIds}
     * (null: of every department), by shortcut.
     */
    Flux<CannedReply> visibleTo(UUID ownerId, List<UUID> departmentIds);

    Mono<CannedReply> findById(UUID id);

    /** A new reply; exactly one of {@code departmentId} and {@code ownerId} is set. */
    Mono<CannedReply> create(
            String shortcut, String text, Language language, UUID departmentId, UUID ownerId);

    Mono<CannedReply> update(UUID id, String shortcut, String text, Language language);

    Mono<Void> delete(UUID id);

    Mono<Boolean> departmentExists(UUID departmentId);
}
