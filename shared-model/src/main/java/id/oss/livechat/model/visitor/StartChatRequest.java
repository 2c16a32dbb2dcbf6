package id.oss.livechat.model.visitor;

import id.oss.livechat.model.Language;
import id.oss.livechat.model.Priority;
import java.util.UUID;

/**
 * {@code POST /api/oss-chat/start}. An anonymous visitor sends {@code browser_uuid}; a visitor
 * logged in to the OSS portal sends {@code oss_user_id}, {@code email} and the portal's {@code
 * identity_hash} (with or without {@code browser_uuid}).
 */
public record StartChatRequest(
        UUID browserUuid,
        String ossUserId,
        String email,
        String identityHash,
        String topic,
        Priority priority,
        UUID departmentId,
        Language language) {}
