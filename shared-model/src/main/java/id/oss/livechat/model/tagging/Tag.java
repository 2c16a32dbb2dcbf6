package id.oss.livechat.model.tagging;

/**
 * A tag agents put on chats (what the chat was about), defined by admins: a stable {@code code}
 * (reports and filters use it) and its label in Indonesian and English. A retired tag ({@code
 * active} false) stays on the chats that have it but is offered no more.
 */
public record Tag(String code, String labelId, String labelEn, boolean active) {}
