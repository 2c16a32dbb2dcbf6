package id.oss.livechat.model.realtime;

import java.time.Instant;
import java.util.UUID;

/** The answer to a sent message, over REST or as the {@code message.ack} frame's fields. */
public record MessageAck(UUID sessionId, String clientMsgId, long seq, Instant sentAt) {}
