package id.oss.livechat.server.session;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The close flow's hook for a close reason from the admins' list ({@code reason_code}): checked
 * before the chat closes, so a refused close changes nothing, and noted once it has. Owned here and
 * implemented by the tagging feature, which depends on sessions, not the other way round.
 */
public interface CloseCodes {

    /** Empty when {@code code} is null or an active close reason; a 400 naming the field else. */
    Mono<Void> check(String code);

    /** Notes the code on the closed chat; nothing when {@code code} is null. */
    Mono<Void> record(UUID sessionId, String code);
}
