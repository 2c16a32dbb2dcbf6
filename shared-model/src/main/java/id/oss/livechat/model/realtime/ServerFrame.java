package id.oss.livechat.model.realtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.staff.StaffProfile;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.visitor.AgentRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the server sends on the WebSockets: JSON text frames with a {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ServerFrame.AuthOk.class),
    @JsonSubTypes.Type(ServerFrame.MessageAck.class),
    @JsonSubTypes.Type(ServerFrame.MessageNew.class),
    @JsonSubTypes.Type(ServerFrame.Typing.class),
    @JsonSubTypes.Type(ServerFrame.Read.class),
    @JsonSubTypes.Type(ServerFrame.ResumeDone.class),
    @JsonSubTypes.Type(ServerFrame.SessionUpdated.class),
    @JsonSubTypes.Type(ServerFrame.QueuePosition.class),
    @JsonSubTypes.Type(ServerFrame.QueueUpdated.class),
    @JsonSubTypes.Type(ServerFrame.Presence.class),
    @JsonSubTypes.Type(ServerFrame.Error.class),
    @JsonSubTypes.Type(ServerFrame.Pong.class),
})
public sealed interface ServerFrame {

    /**
     * Authenticated: a visitor's socket is bound to {@code session_id}, a staff socket to {@code
     * user}.
     */
    @JsonTypeName(FrameTypes.AUTH_OK)
    record AuthOk(UUID sessionId, StaffProfile user) implements ServerFrame {}

    /** The sent message is stored as {@code seq}; a resend gets the same {@code seq}. */
    @JsonTypeName(FrameTypes.MESSAGE_ACK)
    record MessageAck(UUID sessionId, String clientMsgId, long seq, Instant sentAt)
            implements ServerFrame {}

    /**
     * A stored message; every socket attached to the session receives each once. {@code internal}
     * (staff sockets only, present when true) marks a staff-only note.
     */
    @JsonTypeName(FrameTypes.MESSAGE_NEW)
    record MessageNew(
            UUID sessionId,
            long seq,
            String clientMsgId,
            Sender sender,
            String text,
            Instant sentAt,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean internal,
            @JsonInclude(JsonInclude.Include.NON_NULL) AttachmentInfo attachment)
            implements ServerFrame {
        /** Absent (any message everyone sees, or an older server) reads as not internal. */
        public MessageNew {
            internal = Boolean.TRUE.equals(internal);
        }

        public MessageNew(
                UUID sessionId,
                long seq,
                String clientMsgId,
                Sender sender,
                String text,
                Instant sentAt) {
            this(sessionId, seq, clientMsgId, sender, text, sentAt, false, null);
        }

        public static MessageNew of(ChatMessage m) {
            return new MessageNew(
                    m.sessionId(),
                    m.seq(),
                    m.clientMsgId(),
                    m.sender(),
                    m.text(),
                    m.sentAt(),
                    m.internal(),
                    m.attachment());
        }

        public ChatMessage toMessage() {
            return new ChatMessage(
                    sessionId, seq, clientMsgId, sender, text, sentAt, internal, attachment);
        }
    }

    /** The other side started or stopped typing. */
    @JsonTypeName(FrameTypes.TYPING)
    record Typing(UUID sessionId, Sender sender, boolean typing) implements ServerFrame {}

    /** The other side ({@code reader}) has read up to {@code up_to_seq}. */
    @JsonTypeName(FrameTypes.READ)
    record Read(UUID sessionId, SenderType reader, long upToSeq) implements ServerFrame {}

    /** Every missed message has been sent; {@code last_seq} is the session's newest. */
    @JsonTypeName(FrameTypes.RESUME_DONE)
    record ResumeDone(UUID sessionId, long lastSeq) implements ServerFrame {}

    /**
     * The session was assigned, transferred, requeued or closed. Visitors get the agent's name
     * only; staff sockets also get the whole {@code session}.
     */
    @JsonTypeName(FrameTypes.SESSION_UPDATED)
    record SessionUpdated(
            UUID sessionId,
            SessionStatus status,
            AgentRef agent,
            String closeReason,
            StaffSession session)
            implements ServerFrame {}

    /**
     * A waiting visitor's place in the queue; {@code expected_wait_seconds} null when nobody is
     * online.
     */
    @JsonTypeName(FrameTypes.QUEUE_POSITION)
    record QueuePosition(UUID sessionId, int position, Long expectedWaitSeconds, int agentsOnline)
            implements ServerFrame {}

    /** The waiting queue as {@code GET /api/chat/waiting} gives it, for staff sockets. */
    @JsonTypeName(FrameTypes.QUEUE_UPDATED)
    record QueueUpdated(List<StaffSession> waiting) implements ServerFrame {}

    /** An agent's status changed. */
    @JsonTypeName(FrameTypes.PRESENCE)
    record Presence(UUID agentId, String displayName, AgentStatus status) implements ServerFrame {}

    /** A refused frame: {@code ref} is the {@code client_msg_id} or frame type it answers. */
    @JsonTypeName(FrameTypes.ERROR)
    record Error(String code, String message, String ref) implements ServerFrame {}

    @JsonTypeName(FrameTypes.PONG)
    record Pong() implements ServerFrame {}
}
