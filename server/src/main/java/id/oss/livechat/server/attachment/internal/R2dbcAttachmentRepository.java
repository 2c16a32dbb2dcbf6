package id.oss.livechat.server.attachment.internal;

import id.oss.livechat.server.attachment.Attachment;
import id.oss.livechat.server.attachment.AttachmentRepository;
import id.oss.livechat.server.system.database.Sql;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Files in {@code chat_attachments}, one row each, hanging off their session. */
public class R2dbcAttachmentRepository implements AttachmentRepository {
    private final DatabaseClient db;

    public R2dbcAttachmentRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insert(Attachment attachment) {
        return db.sql(
                        """
                        INSERT INTO chat_attachments (id, session_id, name, content_type, size_bytes)
                        VALUES (:id, :session, :name, :type, :size)""")
                .bind("id", attachment.id())
                .bind("session", attachment.sessionId())
                .bind("name", attachment.name())
                .bind("type", attachment.contentType())
                .bind("size", (int) attachment.size())
                .then();
    }

    @Override
    public Mono<Attachment> find(UUID id) {
        return db.sql(
                        """
                        SELECT id, session_id, name, content_type, size_bytes
                          FROM chat_attachments WHERE id = :id""")
                .bind("id", id)
                .map(
                        row ->
                                new Attachment(
                                        Sql.uuid(row, "id"),
                                        Sql.uuid(row, "session_id"),
                                        Sql.text(row, "name"),
                                        Sql.text(row, "content_type"),
                                        Sql.number(row, "size_bytes")))
                .one();
    }
}
