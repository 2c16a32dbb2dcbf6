package id.oss.livechat.model.visitor;

import id.oss.livechat.model.Language;
import id.oss.livechat.model.Priority;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/oss-chat/start}. An anonymous visitor sends {@code browser_uuid}; a visitor
 * logged in to the OSS portal sends {@code oss_user_id}, {@code email} and the portal's {@code
 * identity_hash} (with or without {@code browser_uuid}). The topic is a {@code topic_code} of the
 * server's list, or free text in {@code topic} (older clients). {@code context}: the citizen's case
 * (keys of {@link CaseContext}), signed by the portal's backend in {@code context_hash}. {@code
 * department_id}: a department the visitor chose (routing rules are then not asked); {@code
 * default_department_id}: where the chat goes when no routing rule takes it (the page's
 * preselection; else the server's default department). {@code privacy_consent}: the version of the
 * privacy notice the visitor agreed to, required while the server shows one (GET
 * /api/oss-chat/departments).
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
        Map<String, Object> context,
        String contextHash,
        UUID defaultDepartmentId,
        String privacyConsent) {

    /** A request without {@code privacy_consent}, as clients before the privacy notice send. */
    public StartChatRequest(
            UUID browserUuid,
            String ossUserId,
            String email,
            String identityHash,
            String topic,
            Priority priority,
            UUID departmentId,
            Language language,
            String topicCode,
            Map<String, Object> context,
            String contextHash,
            UUID defaultDepartmentId) {
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
                context,
                contextHash,
                defaultDepartmentId,
                null);
    }

    /** A request without case context, with the version of the privacy notice agreed to. */
    public StartChatRequest(
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
                null,
                null,
                null,
                privacyConsent);
    }

    /** A request without case context or consent, as clients before both send. */
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
                null,
                null,
                null,
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
                (String) null);
    }
}
