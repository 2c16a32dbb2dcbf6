package id.oss.livechat.server.common.events;

import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.Sender;
import java.util.UUID;

/**
 * Something that happened to a chat which clients connected to any server node must hear of. Use
 * cases publish these after the change is stored; the realtime feature delivers them.
 *
 * <p>Code that acts on every kind of event implements {@link Handler} and calls {@link #accept}:
 * the compiler then checks it handles each kind. A new kind of event does not compile until it
 * implements {@code accept} with a {@code Handler} method of its own, and then no handler compiles
 * until it says what it does with it.
 */
public sealed interface ChatEvent {

    /** The session the event concerns, or null for events of the whole help desk. */
    UUID sessionId();

    /** One method per kind of event; see {@link ChatEvent}. */
    interface Handler<R> {
        R messageStored(MessageStored event);

        R typing(Typing event);

        R readUpTo(ReadUpTo event);

        R sessionChanged(SessionChanged event);

        R visitorChanged(VisitorChanged event);

        R queueChanged(QueueChanged event);

        R presenceChanged(PresenceChanged event);

        R accessRevoked(AccessRevoked event);
    }

    /** Calls the handler's method for this event's kind. */
    <R> R accept(Handler<R> handler);

    /**
     * A message was stored with its sequence number. {@code session} is how the session stood when
     * it was stored (null on a resend), for whoever reacts to new messages (mail).
     */
    record MessageStored(ChatMessage message, SessionSnapshot session) implements ChatEvent {
        public MessageStored(ChatMessage message) {
            this(message, null);
        }

        @Override
        public UUID sessionId() {
            return message.sessionId();
        }

        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.messageStored(this);
        }
    }

    /** A session's state as a message was stored: visitor last seen before this message. */
    record SessionSnapshot(
            SessionStatus status, UUID departmentId, java.time.Instant visitorLastSeenAt) {}

    record Typing(UUID sessionId, Sender sender, boolean typing) implements ChatEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.typing(this);
        }
    }

    record ReadUpTo(UUID sessionId, SenderType reader, long upToSeq) implements ChatEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.readUpTo(this);
        }
    }

    /**
     * A session was assigned, transferred, requeued or closed. {@code previousAgentId} is the agent
     * that lost it, whose sockets must let go.
     */
    record SessionChanged(
            UUID sessionId,
            SessionStatus status,
            UUID agentId,
            UUID previousAgentId,
            UUID departmentId,
            String closeReason)
            implements ChatEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.sessionChanged(this);
        }
    }

    /**
     * What staff know of the session's visitor changed: the contact form was filled in or
     * corrected, or the visitor logged in to OSS. {@code agentId} is the session's agent as the
     * change was stored (null while waiting), whose sockets may not follow the session yet.
     */
    record VisitorChanged(UUID sessionId, UUID agentId) implements ChatEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.visitorChanged(this);
        }
    }

    /** A department's waiting queue changed: positions and the staff queue view are stale. */
    record QueueChanged(UUID departmentId) implements ChatEvent {
        @Override
        public UUID sessionId() {
            return null;
        }

        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.queueChanged(this);
        }
    }

    record PresenceChanged(UUID agentId, String displayName, AgentStatus status)
            implements ChatEvent {
        @Override
        public UUID sessionId() {
            return null;
        }

        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.presenceChanged(this);
        }
    }

    /**
     * Every token a staff member held before is revoked (signed out, password changed, deactivated,
     * role or departments changed): each node closes that member's sockets. {@code reason} is one
     * of the close reasons of {@code FrameTypes} ({@code signed_out}, {@code password_changed},
     * {@code access_changed}).
     */
    record AccessRevoked(UUID staffId, String reason) implements ChatEvent {
        @Override
        public UUID sessionId() {
            return null;
        }

        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.accessRevoked(this);
        }
    }
}
