package id.oss.livechat.server.attachment;

/** A file to hand to someone allowed to download it: what it is, and its bytes. */
public record AttachmentFile(Attachment attachment, byte[] content) {}
