package id.oss.livechat.server.audit;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The audit trail's storage: appends through the chained SQL function, reads newest first. */
public interface AuditRepository {
    Mono<Void> append(
            AuditTrail.Actor actor, String address, String action, String subject, String detail);

    Mono<List<AuditEntry>> find(AuditQuery query);

    /** Every matching entry, newest first, for the CSV export. */
    Flux<AuditEntry> stream(AuditQuery query);
}
