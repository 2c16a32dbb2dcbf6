package id.oss.livechat.server.privacy;

import id.oss.livechat.server.audit.AuditTrail;
import reactor.core.publisher.Mono;

/** Erases a subject in one transaction (the SQL function {@code erase_subject}, V61). */
public interface ErasureRepository {
    /** The counts, or empty when nothing is known about the subject (and nothing changed). */
    Mono<ErasureResult> erase(Subject subject, AuditTrail.Actor actor, String address);
}
