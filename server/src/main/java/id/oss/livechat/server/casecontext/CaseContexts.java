package id.oss.livechat.server.casecontext;

import id.oss.livechat.model.visitor.CaseContext;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.visitor.IdentityProof;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The citizen's case as the portal passes it when a chat starts: its shape checked, its signature
 * verified ({@code context_hash = hex(HMAC-SHA256(OSS_IDENTITY_SECRET, canonical JSON))}, the
 * identity proof's secret), kept with the session, and, when verified, offered to the admins'
 * routing rules. A context without a valid signature is kept and shown as unverified, and never
 * routes.
 */
public class CaseContexts {
    private final IdentityProof proof;
    private final CaseContextRepository contexts;
    private final RoutingRuleRepository rules;

    public CaseContexts(
            IdentityProof proof, CaseContextRepository contexts, RoutingRuleRepository rules) {
        this.proof = proof;
        this.contexts = contexts;
        this.rules = rules;
    }

    /**
     * Reads a start's {@code context} and {@code context_hash}: refusals go into {@code check} (the
     * caller refuses the start); a context of the right shape comes back, verified or not.
     */
    public Optional<ReceivedContext> receive(
            Map<String, Object> context, String contextHash, FieldCheck check) {
        if (context == null) {
            check.rule(
                    contextHash == null, "context_hash", "signs a context: send the context too");
            return Optional.empty();
        }
        Optional<CaseContext> read = CaseContextInput.read(context, check);
        return read.map(
                c -> new ReceivedContext(c, proof.isValid(CanonicalJson.of(context), contextHash)));
    }

    /**
     * The department of the first rule that matches a verified context (and whose department is
     * open); empty for an unverified context, or when no rule matches.
     */
    public Mono<UUID> routedDepartment(Optional<ReceivedContext> received) {
        if (received.isEmpty() || !received.get().verified()) {
            return Mono.empty();
        }
        CaseContext context = received.get().context();
        return rules.findApplicable()
                .filter(rule -> rule.matches(context))
                .next()
                .map(RoutingRule::departmentId);
    }

    public Mono<Void> store(UUID sessionId, Optional<ReceivedContext> received) {
        return received.map(r -> contexts.save(sessionId, r)).orElse(Mono.empty());
    }

    /** The signature of a context under this server's secret: what the demo portal hands out. */
    public String sign(Map<String, Object> context) {
        return proof.sign(CanonicalJson.of(context));
    }
}
