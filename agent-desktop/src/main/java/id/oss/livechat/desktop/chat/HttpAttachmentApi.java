package id.oss.livechat.desktop.chat;

import id.oss.livechat.desktop.connection.JsonHttp;
import id.oss.livechat.model.realtime.AttachmentUploaded;
import java.util.UUID;

/** {@link AttachmentApi} over the signed-in staff HTTP client. */
public final class HttpAttachmentApi implements AttachmentApi {
    private final JsonHttp http;

    public HttpAttachmentApi(JsonHttp http) {
        this.http = http;
    }

    @Override
    public AttachmentUploaded upload(UUID sessionId, String fileName, byte[] content) {
        return http.upload(
                "/api/chat/session/" + sessionId + "/attachments",
                fileName,
                content,
                AttachmentUploaded.class);
    }

    @Override
    public byte[] download(UUID attachmentId) {
        return http.getBytes("/api/attachments/" + attachmentId);
    }
}
