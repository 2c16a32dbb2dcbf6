package id.oss.livechat.model.realtime;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.UUID;

/**
 * What a client sends on {@code /ws/visitor} or {@code /ws/agent}: JSON text frames with a {@code
 * type}. The first frame must be {@link Auth}.
 *
 * <p>Code that acts on every kind of frame implements {@link Handler} and calls {@link #accept}:
 * the compiler then checks it handles each kind. A new kind of frame does not compile until it
 * implements {@code accept} with a {@code Handler} method of its own, and then no handler compiles
 * until it says what it does with it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ClientFrame.Auth.class),
    @JsonSubTypes.Type(ClientFrame.MessageSend.class),
    @JsonSubTypes.Type(ClientFrame.Typing.class),
    @JsonSubTypes.Type(ClientFrame.Read.class),
    @JsonSubTypes.Type(ClientFrame.Resume.class),
    @JsonSubTypes.Type(ClientFrame.Ping.class),
})
public sealed interface ClientFrame {

    /** One method per kind of frame; see {@link ClientFrame}. */
    interface Handler<R> {
        R auth(Auth frame);

        R messageSend(MessageSend frame);

        R typing(Typing frame);

        R read(Read frame);

        R resume(Resume frame);

        R ping(Ping frame);
    }

    /** Calls the handler's method for this frame's kind. */
    <R> R accept(Handler<R> handler);

    /** The visitor's {@code visitor_token} or the staff member's {@code access_token}. */
    @JsonTypeName(FrameTypes.AUTH)
    record Auth(String token) implements ClientFrame {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.auth(this);
        }

        @Override
        public String toString() {
            return "Auth[token=…]";
        }
    }

    /** Stored once per {@code client_msg_id}; answered with {@code message.ack}. */
    @JsonTypeName(FrameTypes.MESSAGE_SEND)
    record MessageSend(UUID sessionId, String clientMsgId, String text) implements ClientFrame {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.messageSend(this);
        }
    }

    /** Relayed to the other side of the session. */
    @JsonTypeName(FrameTypes.TYPING)
    record Typing(UUID sessionId, boolean typing) implements ClientFrame {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.typing(this);
        }
    }

    /** "I have read up to here"; relayed to the other side. */
    @JsonTypeName(FrameTypes.READ)
    record Read(UUID sessionId, long upToSeq) implements ClientFrame {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.read(this);
        }
    }

    /**
     * Sends every {@code message.new} with {@code seq > after_seq} in order, then {@code
     * resume.done}; live messages follow without a gap or a duplicate.
     */
    @JsonTypeName(FrameTypes.RESUME)
    record Resume(UUID sessionId, long afterSeq) implements ClientFrame {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.resume(this);
        }
    }

    /** Keeps an idle connection open through proxies; answered with {@code pong}. */
    @JsonTypeName(FrameTypes.PING)
    record Ping() implements ClientFrame {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.ping(this);
        }
    }
}
