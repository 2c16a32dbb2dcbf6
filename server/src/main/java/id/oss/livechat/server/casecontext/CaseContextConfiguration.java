package id.oss.livechat.server.casecontext;

import id.oss.livechat.server.casecontext.internal.R2dbcCaseContextRepository;
import id.oss.livechat.server.casecontext.internal.R2dbcRoutingRuleRepository;
import id.oss.livechat.server.common.Transactions;
import id.oss.livechat.server.visitor.IdentityProof;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires the case context: its store, the routing rules and their administration. */
@Configuration(proxyBeanMethods = false)
public class CaseContextConfiguration {

    @Bean
    RoutingRuleRepository routingRuleRepository(DatabaseClient db, Transactions transactions) {
        return new R2dbcRoutingRuleRepository(db, transactions);
    }

    @Bean
    CaseContexts caseContexts(IdentityProof proof, DatabaseClient db, RoutingRuleRepository rules) {
        return new CaseContexts(proof, new R2dbcCaseContextRepository(db), rules);
    }

    @Bean
    RoutingRuleAdministration routingRuleAdministration(RoutingRuleRepository rules) {
        return new RoutingRuleAdministration(rules);
    }
}
