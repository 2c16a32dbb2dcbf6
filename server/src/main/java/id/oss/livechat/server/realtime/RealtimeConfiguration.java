package id.oss.livechat.server.realtime;

import id.oss.livechat.server.agent.StaffRepository;
import id.oss.livechat.server.common.StaffTokenVerifier;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.message.MessageStore;
import id.oss.livechat.server.realtime.internal.InProcessChatEventBus;
import id.oss.livechat.server.realtime.internal.RealtimeLifecycle;
import id.oss.livechat.server.routing.QueueStatus;
import id.oss.livechat.server.session.SessionRepository;
import id.oss.livechat.server.session.StaffSessions;
import id.oss.livechat.server.session.VisitorAccess;
import id.oss.livechat.server.system.config.LiveChatProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires realtime delivery: the event bus (in-process unless Kafka is configured) and the sockets.
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
    QueueBroadcaster queueBroadcaster(
            ConnectionRegistry registry, SessionRepository sessions, QueueStatus queueStatus) {
        return new QueueBroadcaster(registry, sessions, queueStatus);
    }

    @Bean
    DeliveryDispatcher deliveryDispatcher(
            ConnectionRegistry registry,
            ChatEventBus bus,
            MessageStore messages,
            SessionRepository sessions,
            QueueBroadcaster queue) {
        return new DeliveryDispatcher(registry, bus, messages, sessions, queue);
    }

    @Bean
    ChatMessaging chatMessaging(
            MessageStore store,
            SessionRepository sessions,
            ChatEventBus bus,
            LiveChatProperties properties) {
        return new ChatMessaging(store, sessions, bus, properties.limits().maxMessageChars());
    }

    @Bean
    VisitorMessages visitorMessages(
            VisitorAccess access,
            ChatMessaging messaging,
            MessageStore store,
            SessionRepository sessions) {
        return new VisitorMessages(access, messaging, store, sessions);
    }

    @Bean
    SocketAuthenticator socketAuthenticator(
            SessionRepository sessions, StaffTokenVerifier tokens, StaffRepository staff) {
        return new SocketAuthenticator(sessions, tokens, staff);
    }

    @Bean
    SocketSessions socketSessions(
            ConnectionRegistry registry,
            SessionRepository sessions,
            StaffRepository staff,
            QueueBroadcaster queue,
            DeliveryDispatcher dispatcher) {
        return new SocketSessions(registry, sessions, staff, queue, dispatcher::replay);
    }

    @Bean
    FrameHandler frameHandler(
            ChatMessaging messaging,
            SessionRepository sessions,
            StaffSessions staffSessions,
            ChatEventBus bus,
            DeliveryDispatcher dispatcher) {
        return new FrameHandler(messaging, sessions, staffSessions, bus, dispatcher);
    }

    @Bean
    RealtimeLifecycle realtimeLifecycle(
            DeliveryDispatcher dispatcher,
            QueueBroadcaster queue,
            ConnectionRegistry registry,
            SessionRepository sessions) {
        return new RealtimeLifecycle(dispatcher, queue, registry, sessions);
    }
}
