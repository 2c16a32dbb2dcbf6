package id.oss.livechat.server.casecontext.internal;

import id.oss.livechat.server.casecontext.RoutingRule;
import id.oss.livechat.server.casecontext.RoutingRuleRepository;
import id.oss.livechat.server.common.Transactions;
import id.oss.livechat.server.system.database.Sql;
import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Routing rules in {@code routing_rules}, by position. */
public class R2dbcRoutingRuleRepository implements RoutingRuleRepository {
    private final DatabaseClient db;
    private final Transactions transactions;

    public R2dbcRoutingRuleRepository(DatabaseClient db, Transactions transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    @Override
    public Flux<RoutingRule> findAll() {
        return db.sql("SELECT field, match, department_id FROM routing_rules ORDER BY position")
                .map(R2dbcRoutingRuleRepository::toRule)
                .all();
    }

    @Override
    public Flux<RoutingRule> findApplicable() {
        return db.sql(
                        "SELECT r.field, r.match, r.department_id FROM routing_rules r"
                                + " JOIN departments d ON d.id = r.department_id AND d.active"
                                + " ORDER BY r.position")
                .map(R2dbcRoutingRuleRepository::toRule)
                .all();
    }

    @Override
    public Mono<Void> replaceAll(List<RoutingRule> rules) {
        return transactions.inTransaction(
                () ->
                        db.sql("DELETE FROM routing_rules")
                                .then()
                                .then(
                                        Flux.range(0, rules.size())
                                                .concatMap(i -> insert(i, rules.get(i)))
                                                .then()));
    }

    private Mono<Void> insert(int position, RoutingRule rule) {
        return db.sql(
                        "INSERT INTO routing_rules (position, field, match, department_id)"
                                + " VALUES (:p, :f, :m, :d)")
                .bind("p", position)
                .bind("f", rule.field().wire())
                .bind("m", rule.match())
                .bind("d", rule.departmentId())
                .then();
    }

    @Override
    public Mono<Set<UUID>> activeDepartments(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Set.of());
        }
        return db.sql("SELECT id FROM departments WHERE active AND id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(row -> Sql.uuid(row, "id"))
                .all()
                .collect(HashSet::new, Set::add);
    }

    private static RoutingRule toRule(Readable row) {
        return new RoutingRule(
                RoutingRule.Field.fromWire(Sql.text(row, "field")).orElseThrow(),
                Sql.text(row, "match"),
                Sql.uuid(row, "department_id"));
    }
}
