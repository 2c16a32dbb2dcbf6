package id.oss.livechat.server.export;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.server.search.SearchScope;
import java.util.UUID;

/**
 * Which chats the chat list export lists: those in {@code scope}, optionally with every word of
 * {@code text} (as the search matches them), of one status, agent, tag or close reason.
 */
public record ChatListQuery(
        SearchScope scope,
        String text,
        SessionStatus status,
        UUID agentId,
        String tagCode,
        String closeReasonCode) {}
