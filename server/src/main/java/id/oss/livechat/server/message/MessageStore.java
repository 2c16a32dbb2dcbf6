package id.oss.livechat.server.message;

import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.realtime.ChatMessage;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Messages, numbered per session 1, 2, 3 … without gaps. Appending is idempotent per {@code
 * client_msg_id}: a resend is stored once and answered with the first time's sequence number.
 */
public interface MessageStore {

    record NewMessage(
            UUID sessionId,
            String clientMsgId,
            SenderType senderType,
            UUID senderId,
            String senderName,
            String text) {}

    /**
     * The stored message, and whether it had been stored before (a resend). {@code session} is the
     * session as the message was stored; null for a resend.
     */
    record Stored(
            ChatMessage message,
            boolean duplicate,
            id.oss.livechat.server.common.events.ChatEvent.SessionSnapshot session) {}

    /**
     * Stores the message with the session's next sequence number. Fails with a {@code Problem}: not
     * found for an unknown session, conflict {@code session_closed} for a closed one.
     */
    Mono<Stored> append(NewMessage message);

    /** The session's messages with {@code seq > afterSeq}, in order, at most {@code limit}. */
    Flux<ChatMessage> after(UUID sessionId, long afterSeq, int limit);
}
