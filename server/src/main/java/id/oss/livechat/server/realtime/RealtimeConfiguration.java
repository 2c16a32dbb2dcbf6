package id.oss.livechat.server.realtime;

import id.oss.livechat.server.agent.AgentPresence;
import id.oss.livechat.server.agent.StaffDirectory;
import id.oss.livechat.server.common.StaffTokenVerifier;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.message.Messaging;
import id.oss.livechat.server.realtime.internal.InProcessChatEventBus;
import id.oss.livechat.server.realtime.internal.RealtimeLifecycle;
import id.oss.livechat.server.realtime.internal.SocketMetrics;
import id.oss.livechat.server.realtime.internal.StaffPresenceLoop;
import id.oss.livechat.server.routing.QueueStatus;
import id.oss.livechat.server.session.StaffSessions;
import id.oss.livechat.server.session.VisitorAccess;
import id.oss.livechat.server.session.VisitorPresence;
import id.oss.livechat.server.system.config.LiveChatProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the realtime transport: the event bus (in-process unless Kafka is configured) and the
 * sockets. It is given the features' public APIs (messaging, sessions as staff see them, visitor
 * access and presence, the staff directory, the queue), never their storage.
 */
@Configuration(proxyBeanMethods = false)
public class RealtimeConfiguration {

    /** One node, no Kafka: events go straight to this node's sockets. */
    @Bean
    @ConditionalOnExpression("'${KAFKA_BROKERS:}' == ''")
    ChatEventBus inProcessChatEventBus() {
        return new InProcessChatEventBus();
    }

    @Bean
    ConnectionRegistry connectionRegistry() {
        return new ConnectionRegistry();
    }

    @Bean
    SocketMetrics socketMetrics(MeterRegistry registry, ConnectionRegistry connections) {
        return new SocketMetrics(registry, connections);
    }

    @Bean
    QueueBroadcaster queueBroadcaster(
            ConnectionRegistry registry, StaffSessions sessions, QueueStatus queueStatus) {
        return new QueueBroadcaster(registry, sessions, queueStatus);
    }

    @Bean
    DeliveryDispatcher deliveryDispatcher(
            ConnectionRegistry registry,
            ChatEventBus bus,
            Messaging messaging,
            StaffSessions sessions,
            QueueBroadcaster queue) {
        return new DeliveryDispatcher(registry, bus, messaging, sessions, queue);
    }

    @Bean
    SocketAuthenticator socketAuthenticator(
            VisitorAccess visitors, StaffTokenVerifier tokens, StaffDirectory staff) {
        return new SocketAuthenticator(visitors, tokens, staff);
    }

    @Bean
    SocketSessions socketSessions(
            ConnectionRegistry registry,
            StaffSessions sessions,
            VisitorPresence visitors,
            StaffDirectory staff,
            QueueBroadcaster queue,
            Messaging messaging,
            AgentPresence presence) {
        return new SocketSessions(
                registry,
                sessions,
                visitors,
                staff,
                queue,
                messaging::replay,
                messaging::visitorLeft,
                presence::socketOpened);
    }

    /** Presence from live sockets: heartbeats of this node's staff sockets, and the grace. */
    @Bean
    StaffPresenceLoop staffPresenceLoop(
            ConnectionRegistry registry, AgentPresence presence, LiveChatProperties properties) {
        return new StaffPresenceLoop(registry, presence, properties.routing().presenceGrace());
    }

    @Bean
    FrameHandler frameHandler(Messaging messaging) {
        return new FrameHandler(messaging);
    }

    /**
     * Connected visitors are marked present often enough that no setting taking a visitor unseen
     * for a while as gone (the reply notice, the abandonment) mistakes an open widget for one.
     */
    @Bean
    RealtimeLifecycle realtimeLifecycle(
            DeliveryDispatcher dispatcher,
            QueueBroadcaster queue,
            ConnectionRegistry registry,
            VisitorPresence visitors,
            LiveChatProperties properties,
            @Value("${livechat.mail.visitor-away-after:5m}") Duration replyNoticeAfter) {
        return new RealtimeLifecycle(
                dispatcher,
                queue,
                registry,
                visitors,
                replyNoticeAfter,
                properties.routing().abandonAfter());
    }
}
