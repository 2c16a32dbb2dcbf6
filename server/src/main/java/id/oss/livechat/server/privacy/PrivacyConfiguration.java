package id.oss.livechat.server.privacy;

import id.oss.livechat.server.privacy.internal.R2dbcErasureRepository;
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
}
