package id.oss.livechat.server.system.metrics;

import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.realtime.ConnectionRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The product's meters, served with the JVM's at {@code GET /metrics} (Prometheus text). */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    ProductMetrics productMetrics(
            MeterRegistry registry,
            DatabaseClient db,
            ChatEventBus bus,
            ConnectionRegistry connections,
            @Value("${METRICS_REFRESH:5s}") Duration refresh) {
        return new ProductMetrics(registry, db, bus, connections, refresh);
    }
}
