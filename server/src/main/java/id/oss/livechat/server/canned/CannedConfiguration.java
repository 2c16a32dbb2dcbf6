package id.oss.livechat.server.canned;

import id.oss.livechat.server.agent.StaffRepository;
import id.oss.livechat.server.canned.internal.R2dbcCannedReplyRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires canned replies. */
@Configuration(proxyBeanMethods = false)
public class CannedConfiguration {

    @Bean
    CannedReplies cannedReplies(DatabaseClient db, StaffRepository staff) {
        return new CannedReplies(new R2dbcCannedReplyRepository(db), staff);
    }
}
