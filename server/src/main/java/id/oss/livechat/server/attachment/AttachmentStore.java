package id.oss.livechat.server.attachment;

import reactor.core.publisher.Mono;

/**
 * Where a file's bytes live: the port an S3-compatible store can implement later. The default
 * adapter keeps them in PostgreSQL ({@code chat_attachment_contents}), so that writing them joins
 * the upload's transaction. An adapter outside the database must delete what it wrote when the
 * transaction that follows fails.
 */
public interface AttachmentStore {

    /** Stores the bytes of a recorded file (after {@link AttachmentRepository#insert}). */
    Mono<Void> put(Attachment attachment, byte[] content);

    /** The bytes of a file; empty if they are gone. */
    Mono<byte[]> get(Attachment attachment);
}
