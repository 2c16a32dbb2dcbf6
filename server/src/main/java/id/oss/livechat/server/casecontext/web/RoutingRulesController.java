package id.oss.livechat.server.casecontext.web;

import id.oss.livechat.model.staff.RoutingRules;
import id.oss.livechat.server.casecontext.RoutingRuleAdministration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/routing-rules}: supervisors and admins read the rules, admins replace them (the
 * security configuration says who).
 */
@RestController
public class RoutingRulesController {
    private final RoutingRuleAdministration rules;

    public RoutingRulesController(RoutingRuleAdministration rules) {
        this.rules = rules;
    }

    @GetMapping("/api/routing-rules")
    public Mono<RoutingRules> list() {
        return rules.list();
    }

    @PutMapping("/api/routing-rules")
    public Mono<RoutingRules> replace(@RequestBody RoutingRules body) {
        return rules.replace(body);
    }
}
