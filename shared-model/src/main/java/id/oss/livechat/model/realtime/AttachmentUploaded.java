package id.oss.livechat.model.realtime;

import java.util.UUID;

/**
 * The answer to an upload ({@code 201}): the stored file and the number of the chat message that
 * carries it.
 */
public record AttachmentUploaded(
        UUID attachmentId, String name, String contentType, long size, long seq) {}
