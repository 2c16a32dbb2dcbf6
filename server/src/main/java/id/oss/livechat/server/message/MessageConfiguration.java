package id.oss.livechat.server.message;

import id.oss.livechat.server.audit.AuditTrail;
import id.oss.livechat.server.common.Transactions;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.message.internal.MessageMetrics;
import id.oss.livechat.server.message.internal.R2dbcMessageStore;
import id.oss.livechat.server.session.StaffNotes;
import id.oss.livechat.server.session.StaffSessions;
import id.oss.livechat.server.session.VisitorAccess;
import id.oss.livechat.server.session.VisitorPresence;
import id.oss.livechat.server.system.config.LiveChatProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires the message feature: the store, and messaging on top of it. */
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

    @Bean
    Messaging messaging(
            MessageStore store,
            ChatEventBus bus,
            VisitorAccess visitors,
            VisitorPresence presence,
            StaffSessions staffSessions,
            Transactions transactions,
            AuditTrail audit,
            LiveChatProperties properties) {
        return new Messaging(
                store,
                bus,
                visitors,
                presence,
                staffSessions,
                transactions,
                audit,
                properties.limits().maxMessageChars());
    }

    /** The session feature's transfer and sign-out notes are written as staff-only messages. */
    @Bean
    StaffNotes.Writer staffNoteWriter(Messaging messaging) {
        return messaging::writeStaffNote;
    }

    @Bean
    MessageMetrics messageMetrics(MeterRegistry registry, ChatEventBus bus) {
        return new MessageMetrics(registry, bus);
    }
}
