package id.oss.livechat.server.attachment;

import id.oss.livechat.model.realtime.AttachmentInfo;
import java.util.UUID;

/**
 * A file in a chat: which chat it belongs to, the name it was uploaded with, the type its bytes are
 * and its size in bytes (as stored, after metadata was stripped).
 */
public record Attachment(UUID id, UUID sessionId, String name, String contentType, long size) {

    /** What the chat message that carries it says about it. */
    public AttachmentInfo info() {
        return new AttachmentInfo(id, name, contentType, size);
    }
}
