package id.oss.livechat.server.system.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The product's meters are served with the JVM's at {@code GET /metrics} (Prometheus text), under
 * {@code livechat_*}. Each feature registers its own in its configuration (messages, sockets,
 * routing, agents, mail); what is read from the database is refreshed here.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    RefreshedGauges refreshedGauges(
            MeterRegistry registry, @Value("${METRICS_REFRESH:5s}") Duration refresh) {
        return new RefreshedGauges(registry, refresh);
    }
}
