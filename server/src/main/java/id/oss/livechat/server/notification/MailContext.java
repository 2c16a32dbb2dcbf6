package id.oss.livechat.server.notification;

import id.oss.livechat.model.Language;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.server.session.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * What a mail about a session says around its messages: who, what, which department. {@code topic}
 * is as stored; {@link #topicIn} names a topic of the list in the mail's language.
 */
public record MailContext(
        UUID sessionId,
        String topic,
        String topicCode,
        SessionStatus status,
        Language language,
        String contactName,
        String contactEmail,
        String departmentName,
        String departmentEmail,
        int departmentAgentsOnline,
        String agentName,
        Instant startedAt,
        Instant endedAt) {

    public String topicIn(Language reader) {
        return Topics.label(topicCode, topic, reader);
    }
}
