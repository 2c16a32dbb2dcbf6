package id.oss.livechat.server.search;

import id.oss.livechat.server.agent.StaffRepository;
import id.oss.livechat.server.search.internal.R2dbcChatSearch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires the chat search. */
@Configuration(proxyBeanMethods = false)
public class SearchConfiguration {

    @Bean
    ChatSearch chatSearch(DatabaseClient db, StaffRepository staff) {
        return new ChatSearch(new R2dbcChatSearch(db), staff);
    }
}
