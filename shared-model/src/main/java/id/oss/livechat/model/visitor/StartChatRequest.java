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
 * preselection; else the server's default department).
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
        UUID defaultDepartmentId) {

    /** A request without case context, as clients before it send. */
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
                null);
    }
}
