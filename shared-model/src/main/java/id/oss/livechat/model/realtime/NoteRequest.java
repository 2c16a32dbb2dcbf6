package id.oss.livechat.model.realtime;

/**
 * {@code POST /api/chat/session/:id/notes}: a staff-only note in a chat. {@code clientMsgId} is
 * optional; with one, a resend is stored once (as with messages).
 */
public record NoteRequest(String text, String clientMsgId) {}
