package id.oss.livechat.model.visitor;

/**
 * {@code POST /api/oss-chat/session/:id/transcript}: mail the conversation to {@code email}, or to
 * the session's contact address when omitted.
 */
public record TranscriptRequest(String email) {}
