package id.oss.livechat.server.visitor;

import java.util.UUID;

/** A portal visitor: an anonymous browser, or an OSS account proven by identity_hash. */
public record ChatUser(
        UUID id, UUID browserUuid, String ossUserId, String email, boolean anonymous) {}
