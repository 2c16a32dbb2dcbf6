package id.oss.livechat.server.session;

import id.oss.livechat.server.agent.DepartmentRepository;
import id.oss.livechat.server.agent.StaffRepository;
import id.oss.livechat.server.common.Transactions;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.message.MessageStore;
import id.oss.livechat.server.routing.QueueStatus;
import id.oss.livechat.server.routing.Router;
import id.oss.livechat.server.session.internal.R2dbcSessionRepository;
import id.oss.livechat.server.visitor.VisitorIdentities;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires the session feature. */
@Configuration(proxyBeanMethods = false)
public class SessionConfiguration {

    @Bean
    SessionRepository sessionRepository(DatabaseClient db) {
        return new R2dbcSessionRepository(db);
    }

    @Bean
    VisitorAccess visitorAccess(SessionRepository sessions) {
        return new VisitorAccess(sessions);
    }

    @Bean
    VisitorSessions visitorSessions(
            SessionRepository sessions,
            DepartmentRepository departments,
            VisitorIdentities identities,
            VisitorAccess access,
            QueueStatus queue,
            Transactions transactions,
            Router router,
            ChatEventBus bus) {
        return new VisitorSessions(
                sessions, departments, identities, access, queue, transactions, router, bus);
    }

    @Bean
    VisitorEndsChat visitorEndsChat(
            VisitorAccess access, SessionRepository sessions, Router router, ChatEventBus bus) {
        return new VisitorEndsChat(access, sessions, router, bus);
    }

    @Bean
    StaffSessions staffSessions(
            SessionRepository sessions, StaffRepository staff, MessageStore messages) {
        return new StaffSessions(sessions, staff, messages);
    }

    @Bean
    SessionLifecycle sessionLifecycle(
            SessionRepository sessions,
            StaffRepository staff,
            DepartmentRepository departments,
            MessageStore messages,
            Router router,
            ChatEventBus bus) {
        return new SessionLifecycle(sessions, staff, departments, messages, router, bus);
    }
}
