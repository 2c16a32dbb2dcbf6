package id.oss.livechat.server.casecontext;

import id.oss.livechat.model.staff.RoutingRules;
import id.oss.livechat.server.common.FieldCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * {@code /api/routing-rules}: the admins' rules that send a chat with a verified case to a
 * department. Replaced whole; a refusal names the rule and field ({@code rules[2].match}).
 */
public class RoutingRuleAdministration {
    public static final int MAX_RULES = 200;
    private static final Pattern KBLI_PREFIX = Pattern.compile("[0-9]{1,5}");

    private final RoutingRuleRepository repository;

    public RoutingRuleAdministration(RoutingRuleRepository repository) {
        this.repository = repository;
    }

    public Mono<RoutingRules> list() {
        return repository
                .findAll()
                .map(RoutingRuleAdministration::wire)
                .collectList()
                .map(RoutingRules::new);
    }

    public Mono<RoutingRules> replace(RoutingRules request) {
        FieldCheck check = FieldCheck.of();
        List<RoutingRule> rules = read(request, check);
        check.orThrow();
        List<UUID> departments = rules.stream().map(RoutingRule::departmentId).distinct().toList();
        return repository
                .activeDepartments(departments)
                .flatMap(
                        open -> {
                            for (int i = 0; i < rules.size(); i++) {
                                check.rule(
                                        open.contains(rules.get(i).departmentId()),
                                        "rules[" + i + "].department_id",
                                        "is not an open department");
                            }
                            check.orThrow();
                            return repository.replaceAll(rules);
                        })
                .then(list());
    }

    private static List<RoutingRule> read(RoutingRules request, FieldCheck check) {
        List<RoutingRule> rules = new ArrayList<>();
        if (request.rules() == null) {
            check.fail("rules", "is required: the whole list, [] for none");
            return rules;
        }
        if (request.rules().size() > MAX_RULES) {
            check.fail("rules", "holds more than " + MAX_RULES + " rules");
            return rules;
        }
        for (int i = 0; i < request.rules().size(); i++) {
            rule(request.rules().get(i), "rules[" + i + "]", check).ifPresent(rules::add);
        }
        return rules;
    }

    private static Optional<RoutingRule> rule(
            id.oss.livechat.model.staff.RoutingRule given, String at, FieldCheck check) {
        if (given == null) {
            check.fail(at, "is not a rule");
            return Optional.empty();
        }
        Optional<RoutingRule.Field> field = RoutingRule.Field.fromWire(given.field());
        if (field.isEmpty()) {
            check.fail(at + ".field", "must be one of kbli, licence_type, province");
        }
        String match = given.match() == null ? null : given.match().strip();
        if (field.isPresent() && field.get() == RoutingRule.Field.KBLI) {
            check.rule(
                    match != null && KBLI_PREFIX.matcher(match).matches(),
                    at + ".match",
                    "must be 1 to 5 digits: the start of a KBLI code");
        } else {
            check.required(at + ".match", match, CaseContextInput.TEXT_MAX);
        }
        check.requiredPresent(at + ".department_id", given.departmentId());
        if (field.isEmpty() || check.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(
                new RoutingRule(field.get(), match, Objects.requireNonNull(given.departmentId())));
    }

    private static id.oss.livechat.model.staff.RoutingRule wire(RoutingRule rule) {
        return new id.oss.livechat.model.staff.RoutingRule(
                rule.field().wire(), rule.match(), rule.departmentId());
    }
}
