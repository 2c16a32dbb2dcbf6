package id.oss.livechat.server.session;

import id.oss.livechat.model.Language;
import id.oss.livechat.model.Priority;
import id.oss.livechat.server.common.ClientInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * What is stored when a visitor starts a chat: a topic of the list ({@code topicCode}, with its
 * Indonesian name as {@code topic}) or a free-text topic (no code). {@code startedAt}: the server's
 * clock at the start, when the chat entered the queue. {@code consentNotice}: the privacy notice
 * version the visitor agreed to in order to start, or null when none is shown.
 */
public record NewSession(
        Visitor visitor,
        UUID departmentId,
        String topic,
        String topicCode,
        Priority priority,
        Language language,
        byte[] visitorTokenHash,
        Instant startedAt,
        String consentNotice) {

    /**
     * Whose chat it is: a visitor already stored ({@code chatUserId}: an OSS user, settled by the
     * caller), or a browser's anonymous visitor ({@code browserUuid}), stored with the session.
     * {@code client}: where the start came from, counted against the address's share of the queue.
     */
    public record Visitor(UUID chatUserId, UUID browserUuid, ClientInfo client) {
        public static Visitor stored(UUID chatUserId, ClientInfo client) {
            return new Visitor(chatUserId, null, client);
        }

        public static Visitor anonymous(UUID browserUuid, ClientInfo client) {
            return new Visitor(null, browserUuid, client);
        }
    }
}
