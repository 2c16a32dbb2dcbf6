package id.oss.livechat.server.analytics;

import id.oss.livechat.server.agent.DepartmentRepository;
import id.oss.livechat.server.analytics.internal.R2dbcAnalyticsRepository;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires analytics: the help desk's days are in {@code LIVECHAT_TIMEZONE} (Asia/Jakarta). */
@Configuration(proxyBeanMethods = false)
public class AnalyticsConfiguration {

    @Bean
    Analytics analytics(
            DatabaseClient db,
            DepartmentRepository departments,
            Clock clock,
            @Value("${LIVECHAT_TIMEZONE:Asia/Jakarta}") String timezone) {
        return new Analytics(
                new R2dbcAnalyticsRepository(db), departments, clock, ZoneId.of(timezone));
    }
}
