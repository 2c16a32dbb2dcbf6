package id.oss.livechat.server.tagging;

import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Which tags a chat has, and the close reason it was closed with. */
public interface SessionTagRepository {
    Flux<Label> tagsOf(UUID sessionId);

    /** Makes {@code codes} (existing tags) the chat's tags, in one transaction. */
    Mono<Void> replace(UUID sessionId, List<String> codes, UUID by);

    /** Notes the close reason of a chat just closed. */
    Mono<Void> recordCloseReason(UUID sessionId, String code);
}
