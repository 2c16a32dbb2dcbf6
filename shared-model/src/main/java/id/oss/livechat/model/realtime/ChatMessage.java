package id.oss.livechat.model.realtime;

import java.time.Instant;
import java.util.UUID;

/** A stored message: {@code seq} numbers a session's messages 1, 2, 3 … without gaps. */
public record ChatMessage(
        UUID sessionId, long seq, String clientMsgId, Sender sender, String text, Instant sentAt) {}
