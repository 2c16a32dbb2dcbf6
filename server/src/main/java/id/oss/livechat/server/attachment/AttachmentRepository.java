package id.oss.livechat.server.attachment;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** What each file is and which chat it belongs to (always in PostgreSQL, beside the chat). */
public interface AttachmentRepository {

    /** Records a file; runs in the caller's transaction. */
    Mono<Void> insert(Attachment attachment);

    /** The file with this id; empty if there is none. */
    Mono<Attachment> find(UUID id);
}
