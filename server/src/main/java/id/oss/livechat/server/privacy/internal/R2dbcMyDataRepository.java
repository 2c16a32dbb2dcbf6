package id.oss.livechat.server.privacy.internal;

import id.oss.livechat.server.privacy.MyDataCopy;
import id.oss.livechat.server.privacy.MyDataRepository;
import id.oss.livechat.server.system.database.Sql;
import io.r2dbc.spi.Readable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The visitor row's chats and their visible messages, in two reads. */
public class R2dbcMyDataRepository implements MyDataRepository {
    static final String CHATS =
            """
            SELECT s.id, s.status, s.topic, d.name AS department, s.started_at, s.ended_at,
                   s.rating, s.rating_comment, s.consent_at AS chat_consent_at, s.consent_notice,
                   c.session_id AS contact_of, c.contact_name, c.contact_email, c.contact_phone,
                   c.position, c.company_name, c.consent_at
              FROM chat_sessions s
              JOIN departments d ON d.id = s.department_id
              LEFT JOIN chat_session_contacts c ON c.session_id = s.id
             WHERE s.chat_user_id = :user
             ORDER BY s.started_at, s.id""";
    // what the visitor could see: never the staff's internal notes
    static final String MESSAGES =
            """
            SELECT m.session_id, m.seq, m.sent_at, m.sender_type, m.sender_name, m.body
              FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id
             WHERE s.chat_user_id = :user AND NOT m.internal
             ORDER BY m.session_id, m.seq""";

    private final DatabaseClient db;

    public R2dbcMyDataRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<List<MyDataCopy.Chat>> chatsOf(UUID chatUserId) {
        Mono<Map<UUID, List<MyDataCopy.Message>>> messages =
                db.sql(MESSAGES)
                        .bind("user", chatUserId)
                        .map(row -> Map.entry(Sql.uuid(row, "session_id"), message(row)))
                        .all()
                        .collect(
                                Collectors.groupingBy(
                                        Map.Entry::getKey,
                                        Collectors.mapping(
                                                Map.Entry::getValue, Collectors.toList())));
        return messages.flatMap(
                bySession ->
                        db.sql(CHATS)
                                .bind("user", chatUserId)
                                .map(row -> chat(row, bySession))
                                .all()
                                .collectList());
    }

    private static MyDataCopy.Message message(Readable row) {
        return new MyDataCopy.Message(
                row.get("seq", Integer.class),
                Sql.instant(row, "sent_at"),
                Sql.text(row, "sender_type"),
                Sql.text(row, "sender_name"),
                Sql.text(row, "body"));
    }

    private static MyDataCopy.Chat chat(
            Readable row, Map<UUID, List<MyDataCopy.Message>> bySession) {
        UUID id = Sql.uuid(row, "id");
        Short rating = row.get("rating", Short.class);
        MyDataCopy.Contact contact =
                row.get("contact_of", UUID.class) == null
                        ? null
                        : new MyDataCopy.Contact(
                                Sql.text(row, "contact_name"),
                                Sql.text(row, "contact_email"),
                                Sql.text(row, "contact_phone"),
                                Sql.text(row, "position"),
                                Sql.text(row, "company_name"),
                                Sql.instant(row, "consent_at"));
        return new MyDataCopy.Chat(
                id,
                Sql.text(row, "status"),
                Sql.text(row, "topic"),
                Sql.text(row, "department"),
                Sql.instant(row, "started_at"),
                Sql.instant(row, "ended_at"),
                rating == null ? null : rating.intValue(),
                Sql.text(row, "rating_comment"),
                Sql.instant(row, "chat_consent_at"),
                Sql.text(row, "consent_notice"),
                contact,
                bySession.getOrDefault(id, List.of()));
    }
}
