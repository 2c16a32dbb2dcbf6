package id.oss.livechat.server.message;

import id.oss.livechat.server.message.internal.R2dbcMessageStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires the message feature. */
@Configuration(proxyBeanMethods = false)
public class MessageConfiguration {

    @Bean
    MessageStore messageStore(DatabaseClient db) {
        return new R2dbcMessageStore(db);
    }
}
