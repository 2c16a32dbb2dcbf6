package id.oss.livechat.model.tagging;

/**
 * A close reason (disposition code) agents choose when closing a chat, defined by admins: a stable
 * {@code code} and its label in Indonesian and English; retired ones ({@code active} false) are
 * offered no more.
 */
public record CloseReason(String code, String labelId, String labelEn, boolean active) {}
