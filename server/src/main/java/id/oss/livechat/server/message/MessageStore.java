package id.oss.livechat.server.message;

import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.realtime.AttachmentInfo;
import id.oss.livechat.model.realtime.ChatMessage;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Messages, numbered per session 1, 2, 3 … without gaps. Appending is idempotent per {@code
 * client_msg_id}: a resend is stored once and answered with the first time's sequence number.
 */
public interface MessageStore {

    /**
     * A message to store. {@code internal}: a staff-only note, numbered like any message but never
     * shown to the visitor (its socket, its REST reads, its mailed transcript). {@code attachment}:
     * the file the message carries (already stored, in the caller's transaction), or null.
     */
    record NewMessage(
            UUID sessionId,
            String clientMsgId,
            SenderType senderType,
            UUID senderId,
            String senderName,
            String text,
            boolean internal,
            AttachmentInfo attachment) {

        /** A message without a file. */
        public NewMessage(
                UUID sessionId,
                String clientMsgId,
                SenderType senderType,
                UUID senderId,
                String senderName,
                String text,
                boolean internal) {
            this(sessionId, clientMsgId, senderType, senderId, senderName, text, internal, null);
        }

        /** A message everyone in the chat sees. */
        public NewMessage(
                UUID sessionId,
                String clientMsgId,
                SenderType senderType,
                UUID senderId,
                String senderName,
                String text) {
            this(sessionId, clientMsgId, senderType, senderId, senderName, text, false);
        }
    }

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

    /**
     * As {@link #append}, but alone and at once, in the caller's transaction (never grouped with
     * other writers' messages): for a message that must commit or roll back with what the caller
     * stored before it, such as a file's row.
     */
    Mono<Stored> appendInTransaction(NewMessage message);

    /**
     * The session's messages with {@code seq > afterSeq}, in order, at most {@code limit}: all of
     * them, staff-only notes included (staff views, and sockets, which skip the notes for visitors
     * themselves so that their numbering has no holes).
     */
    Flux<ChatMessage> after(UUID sessionId, long afterSeq, int limit);

    /**
     * As {@link #after}, but only what the visitor may read: staff-only notes are left out, and
     * {@code limit} counts the messages returned.
     */
    Flux<ChatMessage> visibleToVisitorAfter(UUID sessionId, long afterSeq, int limit);

    /** The session's newest sequence number; empty if there is no such session. */
    Mono<Long> lastSeq(UUID sessionId);

    /** Records how far a side has read (never past the newest message, never backwards). */
    Mono<Void> markRead(UUID sessionId, SenderType reader, long upToSeq);
}
