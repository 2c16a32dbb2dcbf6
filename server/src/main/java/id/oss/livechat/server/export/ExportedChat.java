package id.oss.livechat.server.export;

import java.time.Instant;
import java.util.UUID;

/**
 * One chat of the chat list export, with its tags (codes, {@code ;}-separated) and close reason.
 */
public record ExportedChat(
        UUID sessionId,
        Instant startedAt,
        Instant endedAt,
        String status,
        String department,
        String agent,
        String topicCode,
        String topic,
        String contactName,
        String contactEmail,
        String contactPhone,
        String companyName,
        String ossUserId,
        String tags,
        String closeReasonCode,
        String closeReason,
        Integer rating) {}
