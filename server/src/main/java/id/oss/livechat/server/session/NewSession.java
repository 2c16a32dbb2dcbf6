package id.oss.livechat.server.session;

import id.oss.livechat.model.Language;
import id.oss.livechat.model.Priority;
import java.time.Instant;
import java.util.UUID;

/**
 * What is stored when a visitor starts a chat: a topic of the list ({@code topicCode}, with its
 * Indonesian name as {@code topic}) or a free-text topic (no code). {@code startedAt}: the server's
 * clock at the start, when the chat entered the queue. {@code consentNotice}: the privacy notice
 * version the visitor agreed to in order to start, or null when none is shown.
 */
public record NewSession(
        UUID chatUserId,
        UUID departmentId,
        String topic,
        String topicCode,
        Priority priority,
        Language language,
        byte[] visitorTokenHash,
        Instant startedAt,
        String consentNotice) {}
