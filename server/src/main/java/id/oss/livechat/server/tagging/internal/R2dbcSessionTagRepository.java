package id.oss.livechat.server.tagging.internal;

import id.oss.livechat.server.tagging.Label;
import id.oss.livechat.server.tagging.SessionTagRepository;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A chat's tags in {@code session_tags}; its close reason in {@code chat_sessions}. */
public class R2dbcSessionTagRepository implements SessionTagRepository {
    private final DatabaseClient db;

    public R2dbcSessionTagRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<Label> tagsOf(UUID sessionId) {
        return db.sql(
                        """
                SELECT t.code, t.label_id, t.label_en, t.active
                  FROM session_tags st JOIN tags t ON t.id = st.tag_id
                 WHERE st.session_id = :session ORDER BY t.label_id""")
                .bind("session", sessionId)
                .map(R2dbcLabelRepository::toLabel)
                .all();
    }

    @Override
    public Mono<Void> replace(UUID sessionId, List<String> codes, UUID by) {
        // one statement, so one transaction: tags kept keep when and by whom they were given
        return db.sql(
                        """
                WITH wanted AS (SELECT id FROM tags WHERE code = ANY (:codes)),
                     removed AS (DELETE FROM session_tags
                                  WHERE session_id = :session AND tag_id NOT IN (SELECT id FROM wanted))
                INSERT INTO session_tags (session_id, tag_id, tagged_by)
                SELECT :session, id, :by FROM wanted
                ON CONFLICT (session_id, tag_id) DO NOTHING""")
                .bind("session", sessionId)
                .bind("codes", codes.toArray(String[]::new))
                .bind("by", by)
                .then();
    }

    @Override
    public Mono<Void> recordCloseReason(UUID sessionId, String code) {
        return db.sql("UPDATE chat_sessions SET close_reason_code = :code WHERE id = :session")
                .bind("session", sessionId)
                .bind("code", code)
                .then();
    }
}
