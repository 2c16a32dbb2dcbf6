package id.oss.livechat.model.visitor;

import id.oss.livechat.model.Language;
import id.oss.livechat.model.Priority;
import java.util.UUID;

/**
 * {@code POST /api/oss-chat/start}. An anonymous visitor sends {@code browser_uuid}; a visitor
 * logged in to the OSS portal sends {@code oss_user_id}, {@code email} and the portal's {@code
 * identity_hash} (with or without {@code browser_uuid}). The topic is a {@code topic_code} of the
 * server's list, or free text in {@code topic} (older clients).
 */
public record StartChatRequest(
        UUID browserUuid,
        String ossUserId,
        String email,
        String identityHash,
        String topic,
        Priority priority,
        UUID departmentId,
        Language language,
        String topicCode,
        String privacyConsent) {

    /**
     * A request without {@code privacy_consent}: the version of the privacy notice the visitor
     * agreed to, required while the server shows one (GET /api/oss-chat/departments).
     */
    public StartChatRequest(
            UUID browserUuid,
            String ossUserId,
            String email,
            String identityHash,
            String topic,
            Priority priority,
            UUID departmentId,
            Language language,
            String topicCode) {
        this(
                browserUuid,
                ossUserId,
                email,
                identityHash,
                topic,
                priority,
                departmentId,
                language,
                topicCode,
                null);
    }

    /** A request with a free-text topic, as clients before topic codes send it. */
    public StartChatRequest(
            UUID browserUuid,
            String ossUserId,
            String email,
            String identityHash,
            String topic,
            Priority priority,
            UUID departmentId,
            Language language) {
        this(
                browserUuid,
                ossUserId,
                email,
                identityHash,
                topic,
                priority,
                departmentId,
                language,
                null,
                null);
    }
}
