package id.oss.livechat.model.realtime;

/**
 * The REST fallback of {@code message.send}: {@code POST /api/oss-chat/session/:id/messages}. A
 * resend with the same {@code client_msg_id} is stored once and answered with the same {@code seq}.
 */
public record SendMessageRequest(String clientMsgId, String text) {}
