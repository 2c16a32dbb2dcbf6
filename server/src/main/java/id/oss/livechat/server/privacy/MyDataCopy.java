package id.oss.livechat.server.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A citizen's own copy of what the help desk keeps about it: its account's e-mail, and every chat
 * with its contact form and the messages it could see (never the staff's internal notes). A chat's
 * {@code consentAt}/{@code consentNotice}: when the visitor agreed to which privacy notice to start
 * it (null when none was shown).
 */
public record MyDataCopy(String ossUserId, String email, Instant exportedAt, List<Chat> chats) {

    public record Chat(
            UUID id,
            String status,
            String topic,
            String department,
            Instant startedAt,
            Instant endedAt,
            Integer rating,
            String ratingComment,
            Instant consentAt,
            String consentNotice,
            Contact contact,
            List<Message> messages) {}

    public record Contact(
            String name,
            String email,
            String phone,
            String position,
            String companyName,
            Instant consentAt) {}

    public record Message(
            int seq, Instant sentAt, String senderType, String senderName, String text) {}
}
