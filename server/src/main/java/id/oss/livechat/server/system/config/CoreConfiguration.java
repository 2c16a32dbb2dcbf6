package id.oss.livechat.server.system.config;

import id.oss.livechat.server.common.PrivacyNotice;
import id.oss.livechat.server.common.Transactions;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Beans every feature shares: the clock, transactions, our properties. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveChatProperties.class)
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The widget's privacy notice (session asks consent to it, the departments route shows it). */
    @Bean
    PrivacyNotice privacyNotice(LiveChatProperties properties) {
        LiveChatProperties.Privacy privacy = properties.privacy();
        return new PrivacyNotice(
                privacy.noticeVersion(),
                privacy.noticeId(),
                privacy.noticeEn(),
                privacy.policyUrl());
    }

    @Bean
    Transactions transactions(ReactiveTransactionManager transactionManager) {
        TransactionalOperator operator = TransactionalOperator.create(transactionManager);
        return new Transactions() {
            @Override
            public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
                return operator.transactional(Mono.defer(work));
            }
        };
    }
}
