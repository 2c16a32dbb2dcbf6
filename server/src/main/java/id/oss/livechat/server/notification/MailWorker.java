package id.oss.livechat.server.notification;

import id.oss.livechat.server.audit.AuditAction;
import id.oss.livechat.server.audit.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends what the outbox holds. A failure waits before the next try, twice as long each time up to
 * an hour; only a permanent refusal (an address the server rejects) ends a mail's tries. A mail is
 * marked sent right after the service took it, so it is not sent twice.
 */
public class MailWorker {
    private static final Logger log = LoggerFactory.getLogger(MailWorker.class);
    static final int BATCH = 20;
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    /** Told of every outcome, for the metrics. */
    public interface Listener {
        Listener NONE = new Listener() {};

        default void sent(Mail.Kind kind) {}

        default void failed(Mail.Kind kind) {}
    }

    private final MailOutbox outbox;
    private final MailTransport transport;
    private final String from;
    private final Duration firstBackoff;
    private final Clock clock;
    private final Listener listener;
    private final AuditTrail audit;

    public MailWorker(
            MailOutbox outbox,
            MailTransport transport,
            String from,
            Duration firstBackoff,
            Clock clock,
            Listener listener,
            AuditTrail audit) {
        this.outbox = outbox;
        this.transport = transport;
        this.from = from;
        this.firstBackoff = firstBackoff;
        this.clock = clock;
        this.listener = listener;
        this.audit = audit;
    }

    /** Sends one batch of due mails; returns how many were sent. */
    public Mono<Integer> runOnce() {
        return outbox.claimDue(BATCH, LEASE)
                .concatMap(this::deliver)
                .reduce(0, (sent, ok) -> ok ? sent + 1 : sent);
    }

    /** The trail names the mail and its chat, never the address or the content. */
    private Mono<Void> recordSent(QueuedMail queued) {
        Mail mail = queued.mail();
        String subject =
                mail.sessionId() == null ? "mail:" + queued.id() : "session:" + mail.sessionId();
        return audit.record(
                AuditTrail.Actor.SYSTEM,
                AuditAction.MAIL_SENT,
                subject,
                "kind=" + mail.kind().wire() + " mail=" + queued.id());
    }

    private Flux<Boolean> deliver(QueuedMail queued) {
        return transport
                .send(queued, from)
                .then(
                        Mono.defer(
                                () -> {
                                    listener.sent(queued.mail().kind());
                                    return outbox.markSent(queued.id())
                                            .then(recordSent(queued))
                                            .thenReturn(true);
                                }))
                .onErrorResume(
                        failure -> {
                            listener.failed(queued.mail().kind());
                            String reason =
                                    failure.getMessage() == null
                                            ? failure.getClass().getSimpleName()
                                            : failure.getMessage();
                            if (failure instanceof MailTransport.DeliveryFailure delivery
                                    && delivery.permanent()) {
                                log.warn("Mail {} refused for good: {}", queued.id(), reason);
                                return outbox.markFailed(queued.id(), reason).thenReturn(false);
                            }
                            Duration wait = backoff(queued.attempts());
                            log.info(
                                    "Mail {} not sent ({}); next try in {} s",
                                    queued.id(),
                                    reason,
                                    wait.toSeconds());
                            return outbox.retryAt(queued.id(), reason, clock.instant().plus(wait))
                                    .thenReturn(false);
                        })
                .flux();
    }

    /** The wait after the {@code attempts}-th failed try (0-based), doubling up to an hour. */
    Duration backoff(int attempts) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(attempts, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
