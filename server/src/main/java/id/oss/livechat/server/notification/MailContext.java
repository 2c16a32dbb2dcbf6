package id.oss.livechat.server.notification;

import id.oss.livechat.model.Language;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.server.session.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a mail about a session says around its messages: who, what, which department. {@code topic}
 * is as stored; {@link #topicIn} names a topic of the list in the mail's language. {@code
 * contactEmail} is the address mails go to: the contact form's, else the OSS account's; {@code
 * accountEmail} the verified OSS account's, if the visitor is logged in.
 */
public record MailContext(
        UUID sessionId,
        String topic,
        String topicCode,
        SessionStatus status,
        Language language,
        String contactName,
        String contactEmail,
        String accountEmail,
        String departmentName,
        String departmentEmail,
        int departmentAgentsOnline,
        String agentName,
        Instant startedAt,
        Instant endedAt) {

    public String topicIn(Language reader) {
        return Topics.label(topicCode, topic, reader);
    }

    /**
     * The addresses this chat's transcript may go to: the ones the session itself knows (its
     * contact address, the verified OSS account's), never one a request names.
     */
    public List<String> knownAddresses() {
        List<String> known = new ArrayList<>(2);
        for (String address : new String[] {contactEmail, accountEmail}) {
            if (address != null
                    && known.stream().noneMatch(k -> k.equalsIgnoreCase(address.strip()))) {
                known.add(address.strip());
            }
        }
        return known;
    }
}
