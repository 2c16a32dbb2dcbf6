package id.oss.livechat.server.realtime;

import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.realtime.internal.InProcessChatEventBus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires realtime delivery: the event bus (in-process unless Kafka is configured). */
@Configuration(proxyBeanMethods = false)
public class RealtimeConfiguration {

    @Bean
    @ConditionalOnMissingBean(ChatEventBus.class)
    ChatEventBus inProcessChatEventBus() {
        return new InProcessChatEventBus();
    }
}
