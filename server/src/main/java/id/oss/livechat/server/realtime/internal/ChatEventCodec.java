package id.oss.livechat.server.realtime.internal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import id.oss.livechat.server.common.events.ChatEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chat events as they travel on Kafka: JSON, with the node that published them, so a node can skip
 * its own events (it delivered them locally already).
 */
public final class ChatEventCodec {

    /** What is written to the topic. */
    public record Envelope(String origin, ChatEvent event) {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = ChatEvent.MessageStored.class, name = "message"),
        @JsonSubTypes.Type(value = ChatEvent.Typing.class, name = "typing"),
        @JsonSubTypes.Type(value = ChatEvent.ReadUpTo.class, name = "read"),
        @JsonSubTypes.Type(value = ChatEvent.SessionChanged.class, name = "session"),
        @JsonSubTypes.Type(value = ChatEvent.QueueChanged.class, name = "queue"),
        @JsonSubTypes.Type(value = ChatEvent.PresenceChanged.class, name = "presence"),
        @JsonSubTypes.Type(value = ChatEvent.VisitorChanged.class, name = "visitor"),
        @JsonSubTypes.Type(value = ChatEvent.AccessRevoked.class, name = "access_revoked"),
    })
    interface ChatEventTypes {}

    private final JsonMapper json =
            JsonMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .addMixIn(ChatEvent.class, ChatEventTypes.class)
                    .build();

    public String encode(String origin, ChatEvent event) {
        return json.writeValueAsString(new Envelope(origin, event));
    }

    public Envelope decode(String payload) {
        return json.readValue(payload, Envelope.class);
    }

    /** The Kafka key: a session's events share a partition, so they stay in order. */
    public static String keyOf(ChatEvent event) {
        return event.sessionId() == null ? null : event.sessionId().toString();
    }
}
