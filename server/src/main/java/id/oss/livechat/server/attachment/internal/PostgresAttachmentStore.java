package id.oss.livechat.server.attachment.internal;

import id.oss.livechat.server.attachment.Attachment;
import id.oss.livechat.server.attachment.AttachmentStore;
import java.nio.ByteBuffer;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The default home of a file's bytes: a {@code bytea} in {@code chat_attachment_contents}, written
 * in the upload's transaction and erased with its session.
 */
public class PostgresAttachmentStore implements AttachmentStore {
    private final DatabaseClient db;

    public PostgresAttachmentStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> put(Attachment attachment, byte[] content) {
        return db.sql(
                        """
                        INSERT INTO chat_attachment_contents (attachment_id, session_id, content)
                        VALUES (:id, :session, :content)""")
                .bind("id", attachment.id())
                .bind("session", attachment.sessionId())
                .bind("content", ByteBuffer.wrap(content))
                .then();
    }

    @Override
    public Mono<byte[]> get(Attachment attachment) {
        return db.sql("SELECT content FROM chat_attachment_contents WHERE attachment_id = :id")
                .bind("id", attachment.id())
                .map(row -> bytesOf(row.get("content", ByteBuffer.class)))
                .one();
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
