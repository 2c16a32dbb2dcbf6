package id.oss.livechat.server.privacy;

import id.oss.livechat.server.audit.AuditTrail;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
import reactor.core.publisher.Mono;

/**
 * An admin erases everything about a data subject. The erasure and its audit entry are one
 * transaction: an erasure that fails half way leaves nothing changed, and no erasure goes
 * unrecorded.
 */
public class Erasure {
    private final ErasureRepository store;

    public Erasure(ErasureRepository store) {
        this.store = store;
    }

    private static Problem unknown(Subject subject) {
        return new Problem(
                Problem.Kind.NOT_FOUND,
                "not_found",
                "Nothing is known about that " + subject.kind() + "; nothing was erased.");
    }

    public Mono<ErasureResult> erase(Staff who, Subject subject) {
        if (!who.isAdmin()) {
            return Mono.error(Problem.forbidden("Only an admin may erase personal data."));
        }
        return Mono.deferContextual(
                context ->
                        store.erase(
                                        subject,
                                        AuditTrail.Actor.of(who),
                                        context.<String>getOrEmpty(AuditTrail.ADDRESS).orElse(null))
                                .switchIfEmpty(Mono.error(unknown(subject))));
    }
}
