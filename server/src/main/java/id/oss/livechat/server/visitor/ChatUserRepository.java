package id.oss.livechat.server.visitor;

import id.oss.livechat.server.common.ClientInfo;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Storage of portal visitors. */
public interface ChatUserRepository {

    /** The OSS account's visitor, created on first sight; a given e-mail updates the stored one. */
    Mono<ChatUser> upsertOssUser(String ossUserId, String email, ClientInfo client);

    Mono<ChatUser> findAnonymous(UUID browserUuid);

    Mono<ChatUser> findOssUser(String ossUserId);

    /**
     * Moves every session of the anonymous visitor to the OSS account and retires the anonymous
     * row, so the browser's history now belongs to the account.
     *
     * @return how many sessions moved
     */
    Mono<Integer> mergeInto(UUID anonymousId, UUID ossUserChatUserId);

    /** A session of a visitor that is not closed, with its agent (null while waiting). */
    record OpenSession(UUID sessionId, UUID agentId) {}

    /** The visitor's sessions that are not closed: staff views of them show who the visitor is. */
    Flux<OpenSession> openSessionsOf(UUID chatUserId);
}
