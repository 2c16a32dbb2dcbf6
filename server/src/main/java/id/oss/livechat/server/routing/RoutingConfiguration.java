package id.oss.livechat.server.routing;

import id.oss.livechat.server.routing.internal.R2dbcQueueRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires the routing feature: the queue and assignment. */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

    @Bean
    QueueRepository queueRepository(DatabaseClient db) {
        return new R2dbcQueueRepository(db);
    }

    @Bean
    QueueStatus queueStatus(QueueRepository queue) {
        return new QueueStatus(queue);
    }
}
