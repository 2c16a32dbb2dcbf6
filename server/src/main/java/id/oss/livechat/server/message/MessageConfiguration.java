package id.oss.livechat.server.message;

import id.oss.livechat.server.message.internal.R2dbcMessageStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires the message feature. */
@Configuration(proxyBeanMethods = false)
public class MessageConfiguration {

    /**
     * Half the connection pool may append messages at once; what arrives meanwhile is grouped into
     * the next statement (see {@link R2dbcMessageStore#append}).
     */
    @Bean
    MessageStore messageStore(
            DatabaseClient db, @Value("${spring.r2dbc.pool.max-size:20}") int poolSize) {
        return new R2dbcMessageStore(db, Math.max(1, poolSize / 2));
    }
}
