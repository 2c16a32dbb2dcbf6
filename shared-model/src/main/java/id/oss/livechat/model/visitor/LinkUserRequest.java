package id.oss.livechat.model.visitor;

import java.util.UUID;

/**
 * {@code POST /api/oss-chat/link-user}: after a portal login, move the browser's chats to the OSS
 * account.
 */
public record LinkUserRequest(
        UUID browserUuid, String ossUserId, String email, String identityHash) {}
