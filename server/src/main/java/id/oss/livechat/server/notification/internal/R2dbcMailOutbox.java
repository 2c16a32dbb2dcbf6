package id.oss.livechat.server.notification.internal;

import static id.oss.livechat.server.system.database.Sql.bind;

import id.oss.livechat.model.Language;
import id.oss.livechat.server.notification.Mail;
import id.oss.livechat.server.notification.MailOutbox;
import id.oss.livechat.server.notification.QueuedMail;
import id.oss.livechat.server.system.database.Sql;
import io.r2dbc.spi.Readable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The outbox in {@code mail_outbox}. Claims skip rows another worker holds (any node). */
public class R2dbcMailOutbox implements MailOutbox {
    private final DatabaseClient db;

    public R2dbcMailOutbox(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> enqueue(Mail mail) {
        var spec =
                db.sql(
                                """
                INSERT INTO mail_outbox (dedup_key, kind, recipient, language, subject, body_text, body_html, session_id)
                VALUES (:key, :kind, :to, :language, :subject, :text, :html, :session)
                ON CONFLICT (dedup_key) DO NOTHING RETURNING id""")
                        .bind("key", hashed(mail.dedupKey()))
                        .bind("kind", mail.kind().wire())
                        .bind("to", mail.recipient())
                        .bind("language", mail.language().wire())
                        .bind("subject", mail.subject())
                        .bind("text", mail.text())
                        .bind("html", mail.html());
        return bind(spec, "session", mail.sessionId(), UUID.class)
                .map(row -> true)
                .one()
                .defaultIfEmpty(false);
    }

    @Override
    public Flux<QueuedMail> claimDue(int limit, Duration lease) {
        return db.sql(
                        """
                UPDATE mail_outbox m SET status = 'sending', lease_until = now() + make_interval(secs => :lease)
                 WHERE m.id IN (SELECT id FROM mail_outbox
                                 WHERE (status = 'pending' AND next_attempt_at <= now())
                                    OR (status = 'sending' AND lease_until < now())
                                 ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING m.id, m.dedup_key, m.kind, m.recipient, m.language, m.subject, m.body_text, m.body_html,
                          m.session_id, m.attempts""")
                .bind("lease", (double) lease.toSeconds())
                .bind("limit", limit)
                .map(R2dbcMailOutbox::toQueued)
                .all();
    }

    @Override
    public Mono<Void> markSent(long id) {
        return db.sql(
                        """
                UPDATE mail_outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1, lease_until = NULL,
                                       last_error = NULL WHERE id = :id""")
                .bind("id", id)
                .then();
    }

    @Override
    public Mono<Void> retryAt(long id, String error, Instant next) {
        return db.sql(
                        """
                UPDATE mail_outbox SET status = 'pending', attempts = attempts + 1, next_attempt_at = :next,
                                       lease_until = NULL, last_error = :error WHERE id = :id""")
                .bind("id", id)
                .bind("next", next)
                .bind("error", truncate(error))
                .then();
    }

    @Override
    public Mono<Void> markFailed(long id, String error) {
        return db.sql(
                        """
                UPDATE mail_outbox SET status = 'failed', attempts = attempts + 1, lease_until = NULL, last_error = :error
                 WHERE id = :id""")
                .bind("id", id)
                .bind("error", truncate(error))
                .then();
    }

    @Override
    public Mono<Long> pending() {
        return db.sql(
                        "SELECT count(*) AS n FROM mail_outbox WHERE status IN ('pending', 'sending')")
                .map(row -> Sql.number(row, "n"))
                .one();
    }

    /**
     * The key as stored: its SHA-256 in hex, 64 characters whatever it names (a topic, an address
     * of 254 characters), so it always fits {@code dedup_key} and two keys never collide by
     * truncation.
     */
    static String hashed(String dedupKey) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(dedupKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String truncate(String error) {
        return error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
    }

    private static QueuedMail toQueued(Readable row) {
        Mail mail =
                new Mail(
                        Sql.text(row, "dedup_key"),
                        Mail.Kind.valueOf(Sql.text(row, "kind").toUpperCase(Locale.ROOT)),
                        Sql.text(row, "recipient"),
                        Language.fromWire(Sql.text(row, "language")),
                        Sql.text(row, "subject"),
                        Sql.text(row, "body_text"),
                        Sql.text(row, "body_html"),
                        Sql.uuid(row, "session_id"));
        return new QueuedMail(Sql.number(row, "id"), mail, (int) Sql.number(row, "attempts"));
    }
}
