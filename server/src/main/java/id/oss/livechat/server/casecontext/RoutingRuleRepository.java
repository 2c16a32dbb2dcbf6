package id.oss.livechat.server.casecontext;

import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The routing rules, in the order they are tried. */
public interface RoutingRuleRepository {
    Flux<RoutingRule> findAll();

    /** The rules whose department is open (active): the ones that may route a chat now. */
    Flux<RoutingRule> findApplicable();

    /** Replaces every rule at once. */
    Mono<Void> replaceAll(List<RoutingRule> rules);

    /** Whether each department exists and is open (active), by id. */
    Mono<java.util.Set<UUID>> activeDepartments(java.util.Collection<UUID> ids);
}
