package id.oss.livechat.server.routing;

import id.oss.livechat.server.agent.StaffRepository;
import id.oss.livechat.server.common.Transactions;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.hours.DepartmentOpening;
import id.oss.livechat.server.routing.internal.R2dbcQueueRepository;
import id.oss.livechat.server.routing.internal.R2dbcRoutingRepository;
import id.oss.livechat.server.routing.internal.RoutingMetrics;
import id.oss.livechat.server.routing.internal.RoutingSweeper;
import id.oss.livechat.server.system.config.LiveChatProperties;
import id.oss.livechat.server.system.metrics.RefreshedGauges;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires the routing feature: the queue, assignment, timeouts. */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

    @Bean
    QueueRepository queueRepository(DatabaseClient db) {
        return new R2dbcQueueRepository(db);
    }

    @Bean
    QueueStatus queueStatus(QueueRepository queue, ObjectProvider<DepartmentOpening> opening) {
        return new QueueStatus(queue, opening.getIfAvailable(() -> DepartmentOpening.ALWAYS));
    }

    @Bean
    RoutingRepository routingRepository(DatabaseClient db, Transactions transactions) {
        return new R2dbcRoutingRepository(db, transactions);
    }

    @Bean
    RoutingMetrics routingMetrics(
            MeterRegistry registry, RefreshedGauges gauges, DatabaseClient db) {
        return new RoutingMetrics(registry, gauges, db);
    }

    @Bean
    Router router(
            RoutingRepository routing,
            ChatEventBus bus,
            RoutingMetrics metrics,
            java.time.Clock clock,
            ObjectProvider<DepartmentOpening> opening) {
        return new Router(
                routing,
                bus,
                metrics,
                clock,
                opening.getIfAvailable(() -> DepartmentOpening.ALWAYS));
    }

    @Bean
    Assignments assignments(RoutingRepository routing, StaffRepository staff, Router router) {
        return new Assignments(routing, staff, router);
    }

    @Bean
    SessionTimeouts sessionTimeouts(
            RoutingRepository routing,
            Router router,
            ChatEventBus bus,
            LiveChatProperties properties) {
        return new SessionTimeouts(
                routing,
                router,
                bus,
                properties.routing().abandonAfter(),
                properties.routing().unansweredAfter());
    }

    @Bean
    RoutingSweeper routingSweeper(
            SessionTimeouts timeouts, Router router, LiveChatProperties properties) {
        return new RoutingSweeper(timeouts, router, properties.routing().sweepInterval());
    }
}
