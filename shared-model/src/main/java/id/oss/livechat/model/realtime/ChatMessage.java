package id.oss.livechat.model.realtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored message: {@code seq} numbers a session's messages 1, 2, 3 … without gaps. {@code
 * internal} marks a staff-only message (a transfer note, a note that the agent signed out): it has
 * its number, but no visitor ever receives it; on the wire it appears only when true. Never null.
 * {@code attachment}: the file the message carries (its text is then the file's name), or null; on
 * the wire only when there is one.
 */
public record ChatMessage(
        UUID sessionId,
        long seq,
        String clientMsgId,
        Sender sender,
        String text,
        Instant sentAt,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean internal,
        @JsonInclude(JsonInclude.Include.NON_NULL) AttachmentInfo attachment) {

    /** Absent (an older server or node, or any message everyone sees) reads as not internal. */
    public ChatMessage {
        internal = Boolean.TRUE.equals(internal);
    }

    /** A message everyone in the chat sees. */
    public ChatMessage(
            UUID sessionId,
            long seq,
            String clientMsgId,
            Sender sender,
            String text,
            Instant sentAt) {
        this(sessionId, seq, clientMsgId, sender, text, sentAt, false);
    }

    /** A message with no file. */
    public ChatMessage(
            UUID sessionId,
            long seq,
            String clientMsgId,
            Sender sender,
            String text,
            Instant sentAt,
            Boolean internal) {
        this(sessionId, seq, clientMsgId, sender, text, sentAt, internal, null);
    }
}
