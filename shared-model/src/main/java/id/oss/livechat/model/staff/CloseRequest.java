package id.oss.livechat.model.staff;

import java.util.UUID;

/** {@code POST /api/chat/close}: {@code reason} is free text up to 255 characters. */
public record CloseRequest(UUID sessionId, String reason) {}
