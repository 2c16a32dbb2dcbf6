package id.oss.livechat.server.session;

import id.oss.livechat.model.visitor.Contact;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Storage of sessions and their contacts. */
public interface SessionRepository {
    Mono<ChatSession> create(NewSession session);

    Mono<ChatSession> findById(UUID id);

    /** The session a visitor token belongs to, if any. */
    Mono<UUID> findIdByTokenHash(byte[] tokenHash);

    /** Stores (or corrects) the session's contact; returns when it was stored. */
    Mono<Instant> saveContact(UUID sessionId, Contact contact);

    Mono<SessionDetails> details(UUID sessionId);

    Mono<List<SessionDetails>> history(HistoryQuery query);
}
