package id.oss.livechat.server.audit;

import id.oss.livechat.server.audit.internal.R2dbcAuditRepository;
import id.oss.livechat.server.audit.web.CallerAddressFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires the audit trail: one {@link AuditLog}, the port every feature writes through. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {
    @Bean
    AuditLog auditLog(DatabaseClient db) {
        return new AuditLog(new R2dbcAuditRepository(db));
    }

    @Bean
    CallerAddressFilter callerAddressFilter() {
        return new CallerAddressFilter();
    }
}
