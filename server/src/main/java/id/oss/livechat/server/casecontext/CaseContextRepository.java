package id.oss.livechat.server.casecontext;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** Where a session's case context is kept, beside the session. */
public interface CaseContextRepository {
    Mono<Void> save(UUID sessionId, ReceivedContext received);
}
