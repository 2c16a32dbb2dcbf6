package id.oss.livechat.server.privacy;

import id.oss.livechat.server.audit.AuditTrail;
import id.oss.livechat.server.privacy.internal.R2dbcErasureRepository;
import id.oss.livechat.server.privacy.internal.R2dbcMyDataRepository;
import id.oss.livechat.server.privacy.internal.R2dbcRetentionRepository;
import id.oss.livechat.server.privacy.internal.RetentionJob;
import id.oss.livechat.server.system.config.LiveChatProperties;
import id.oss.livechat.server.visitor.VisitorIdentities;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires the data subject's rights: erasure, retention, the citizen's own copy. */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {
    @Bean
    Erasure erasure(DatabaseClient db) {
        return new Erasure(new R2dbcErasureRepository(db));
    }

    @Bean
    MyData myData(VisitorIdentities identities, DatabaseClient db, AuditTrail audit, Clock clock) {
        return new MyData(identities, new R2dbcMyDataRepository(db), audit, clock);
    }

    @Bean
    RetentionRepository retentionRepository(DatabaseClient db) {
        return new R2dbcRetentionRepository(db);
    }

    @Bean
    Retention retention(
            RetentionRepository store,
            AuditTrail audit,
            LiveChatProperties properties,
            Clock clock) {
        LiveChatProperties.Retention retain = properties.retention();
        RetentionPeriods periods =
                new RetentionPeriods(
                                retain.messages(),
                                retain.contacts(),
                                retain.addresses(),
                                retain.mails(),
                                retain.audit(),
                                retain.batch())
                        .auditKeptLongest();
        return new Retention(store, audit, periods, clock);
    }

    @Bean
    RetentionJob retentionJob(Retention retention, LiveChatProperties properties) {
        return new RetentionJob(retention, properties.retention().interval());
    }
}
