package id.oss.livechat.model.staff;

import java.util.UUID;

/**
 * {@code POST /api/chat/close}: {@code reason} is free text up to 255 characters, {@code
 * reason_code} the code of one of the close reasons admins defined; both optional.
 */
public record CloseRequest(UUID sessionId, String reason, String reasonCode) {

    /** A close with free text only, as clients before close reasons send it. */
    public CloseRequest(UUID sessionId, String reason) {
        this(sessionId, reason, null);
    }
}
