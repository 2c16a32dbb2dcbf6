package id.oss.livechat.server.tagging;

/**
 * A tag or a close reason: a stable code, its Indonesian and English labels, and whether it is
 * still offered (a retired one stays on the chats that have it).
 */
public record Label(String code, String labelId, String labelEn, boolean active) {}
