package id.oss.livechat.desktop.chat;

import id.oss.livechat.model.realtime.AttachmentUploaded;
import java.util.UUID;

/**
 * Files in a chat, over the staff API: {@code POST /api/chat/session/:id/attachments} and {@code
 * GET /api/attachments/:id}. Calls block: run them through {@code Background}.
 */
public interface AttachmentApi {

    /** Sends a file into the chat as a message; the server decides its type from the bytes. */
    AttachmentUploaded upload(UUID sessionId, String fileName, byte[] content);

    /** The file's bytes, as the server keeps them (image metadata already stripped). */
    byte[] download(UUID attachmentId);

    /** A client without the HTTP API: every call fails, and the chat says so. */
    AttachmentApi UNAVAILABLE =
            new AttachmentApi() {
                @Override
                public AttachmentUploaded upload(UUID sessionId, String fileName, byte[] content) {
                    throw new IllegalStateException("files need the HTTP staff API");
                }

                @Override
                public byte[] download(UUID attachmentId) {
                    throw new IllegalStateException("files need the HTTP staff API");
                }
            };
}
