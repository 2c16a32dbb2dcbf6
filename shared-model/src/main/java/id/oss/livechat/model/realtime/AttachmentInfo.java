package id.oss.livechat.model.realtime;

import java.util.UUID;

/**
 * A file in a chat, as a message carries it: its id (downloaded at {@code GET
 * /api/attachments/{id}}), the name it was uploaded with, the type its bytes are (sniffed by the
 * server, never what the client claimed) and its size in bytes after metadata was stripped.
 */
public record AttachmentInfo(UUID id, String name, String contentType, long size) {}
