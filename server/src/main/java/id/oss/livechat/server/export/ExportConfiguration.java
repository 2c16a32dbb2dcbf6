package id.oss.livechat.server.export;

import id.oss.livechat.server.export.internal.R2dbcChatListRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires the CSV exports. */
@Configuration(proxyBeanMethods = false)
public class ExportConfiguration {

    @Bean
    ChatListExport chatListExport(DatabaseClient db) {
        return new ChatListExport(new R2dbcChatListRepository(db));
    }
}
