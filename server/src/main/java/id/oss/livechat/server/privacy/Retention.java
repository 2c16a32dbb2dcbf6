package id.oss.livechat.server.privacy;

import id.oss.livechat.server.audit.AuditAction;
import id.oss.livechat.server.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Personal data is destroyed when its retention period ends. Each run computes every class's cutoff
 * from the clock, erases what is older in batches, and records in the audit trail how much went
 * (never what). Session rows stay, emptied, so the analytics keep their counts.
 */
public class Retention {
    static final AuditTrail.Actor ACTOR = new AuditTrail.Actor("retention", null);

    private final RetentionRepository store;
    private final AuditTrail audit;
    private final RetentionPeriods periods;
    private final Clock clock;

    public Retention(
            RetentionRepository store, AuditTrail audit, RetentionPeriods periods, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.periods = periods;
        this.clock = clock;
    }

    /** What this run erased; empty when another node was running it. */
    public Mono<Optional<RetentionReport>> run() {
        RetentionRepository.Cutoffs cutoffs = cutoffs(clock.instant());
        return store.sweepAlone(cutoffs, periods.batch())
                .flatMap(report -> recorded(report, cutoffs))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    RetentionRepository.Cutoffs cutoffs(Instant now) {
        return new RetentionRepository.Cutoffs(
                now.minus(periods.messages()),
                now.minus(periods.contacts()),
                now.minus(periods.addresses()),
                now.minus(periods.mails()),
                now.minus(periods.audit()));
    }

    private Mono<RetentionReport> recorded(
            RetentionReport report, RetentionRepository.Cutoffs cutoffs) {
        if (report.isEmpty()) {
            return Mono.just(report);
        }
        String detail =
                report
                        + (report.auditEntries() > 0
                                ? "; audit entries before " + cutoffs.audit() + " purged"
                                : "");
        return audit.record(ACTOR, AuditAction.RETENTION_RUN, null, detail).thenReturn(report);
    }
}
