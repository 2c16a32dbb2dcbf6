package id.oss.livechat.server.privacy;

import java.time.Instant;
import reactor.core.publisher.Mono;

/** Empties what is past its time, in short batches, on one node at a time. */
public interface RetentionRepository {
    /** Each class's cutoff: data older than it goes. */
    record Cutoffs(
            Instant messages, Instant contacts, Instant addresses, Instant mails, Instant audit) {}

    /**
     * Erases everything past its cutoff, {@code batch} rows per transaction. Empty when another
     * node is doing it right now (nothing touched).
     */
    Mono<RetentionReport> sweepAlone(Cutoffs cutoffs, int batch);
}
