package id.oss.livechat.server.notification;

import id.oss.livechat.model.Language;
import id.oss.livechat.model.SessionStatus;
import java.time.Instant;
import java.util.UUID;

/** What a mail about a session says around its messages: who, what, which department. */
public record MailContext(
        UUID sessionId,
        String topic,
        SessionStatus status,
        Language language,
        String contactName,
        String contactEmail,
        String departmentName,
        String departmentEmail,
        int departmentAgentsOnline,
        String agentName,
        Instant startedAt,
        Instant endedAt) {}
