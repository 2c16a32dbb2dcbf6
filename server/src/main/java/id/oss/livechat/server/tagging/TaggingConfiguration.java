package id.oss.livechat.server.tagging;

import id.oss.livechat.server.session.StaffSessions;
import id.oss.livechat.server.tagging.internal.R2dbcLabelRepository;
import id.oss.livechat.server.tagging.internal.R2dbcSessionTagRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires tags and close reasons. */
@Configuration(proxyBeanMethods = false)
public class TaggingConfiguration {

    @Bean
    LabelRepository labelRepository(DatabaseClient db) {
        return new R2dbcLabelRepository(db);
    }

    @Bean
    SessionTagRepository sessionTagRepository(DatabaseClient db) {
        return new R2dbcSessionTagRepository(db);
    }

    @Bean
    LabelAdministration labelAdministration(LabelRepository labels) {
        return new LabelAdministration(labels);
    }

    @Bean
    ChatTagging chatTagging(
            StaffSessions sessions, LabelRepository labels, SessionTagRepository sessionTags) {
        return new ChatTagging(sessions, labels, sessionTags);
    }

    @Bean
    CloseReasons closeReasons(LabelRepository labels, SessionTagRepository sessionTags) {
        return new CloseReasons(labels, sessionTags);
    }
}
