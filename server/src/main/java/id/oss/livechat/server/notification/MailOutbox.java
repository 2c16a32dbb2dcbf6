package id.oss.livechat.server.notification;

import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The queue of mails in PostgreSQL: a mail server that is down delays mail, never loses it. */
public interface MailOutbox {
    /**
     * @return true if queued, false if a mail with the same key was queued before
     */
    Mono<Boolean> enqueue(Mail mail);

    /**
     * Takes up to {@code limit} mails that are due, leasing them for {@code lease}: no other worker
     * (on any node) takes them meanwhile; a lease that runs out (a worker died) frees them.
     */
    Flux<QueuedMail> claimDue(int limit, Duration lease);

    Mono<Void> markSent(long id);

    Mono<Void> retryAt(long id, String error, Instant next);

    Mono<Void> markFailed(long id, String error);

    Mono<Long> pending();
}
