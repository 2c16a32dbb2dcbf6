package id.oss.livechat.server.session;

import id.oss.livechat.server.agent.AgentPresence;
import id.oss.livechat.server.agent.DepartmentRepository;
import id.oss.livechat.server.agent.StaffRepository;
import id.oss.livechat.server.casecontext.CaseContexts;
import id.oss.livechat.server.common.PrivacyNotice;
import id.oss.livechat.server.common.Transactions;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.protection.ProtectionSettings;
import id.oss.livechat.server.routing.QueueStatus;
import id.oss.livechat.server.routing.Router;
import id.oss.livechat.server.session.internal.R2dbcSessionRepository;
import id.oss.livechat.server.system.config.LiveChatProperties;
import id.oss.livechat.server.visitor.VisitorIdentities;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires the session feature. */
@Configuration(proxyBeanMethods = false)
public class SessionConfiguration {

    @Bean
    SessionRepository sessionRepository(DatabaseClient db, LiveChatProperties properties) {
        return new R2dbcSessionRepository(db, properties.routing().unansweredAfter());
    }

    @Bean
    VisitorAccess visitorAccess(SessionRepository sessions) {
        return new VisitorAccess(sessions);
    }

    @Bean
    VisitorPresence visitorPresence(SessionRepository sessions) {
        return new VisitorPresence(sessions);
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
            ChatEventBus bus,
            ProtectionSettings protection,
            CaseContexts contexts,
            Clock clock,
            PrivacyNotice notice) {
        return new VisitorSessions(
                sessions,
                departments,
                identities,
                access,
                queue,
                transactions,
                router,
                bus,
                new VisitorSessions.QueueCaps(
                        protection.maxWaitingPerAddress(), protection.maxWaitingPerDepartment()),
                contexts,
                clock,
                notice);
    }

    @Bean
    VisitorEndsChat visitorEndsChat(
            VisitorAccess access, SessionRepository sessions, Router router, ChatEventBus bus) {
        return new VisitorEndsChat(access, sessions, router, bus);
    }

    @Bean
    StaffSessions staffSessions(SessionRepository sessions, StaffRepository staff) {
        return new StaffSessions(sessions, staff);
    }

    @Bean
    SessionPriority sessionPriority(
            SessionRepository sessions, StaffSessions staffSessions, ChatEventBus bus) {
        return new SessionPriority(sessions, staffSessions, bus);
    }

    /** The notes' writer is the message feature's (see MessageConfiguration). */
    @Bean
    StaffNotes staffNotes(StaffNotes.Writer writer) {
        return new StaffNotes(writer);
    }

    @Bean
    SessionLifecycle sessionLifecycle(
            SessionRepository sessions,
            StaffRepository staff,
            DepartmentRepository departments,
            StaffNotes notes,
            Router router,
            ChatEventBus bus) {
        return new SessionLifecycle(sessions, staff, departments, notes, router, bus);
    }

    @Bean
    SignOutHandover signOutHandover(
            SessionRepository sessions, StaffNotes notes, Router router, ChatEventBus bus) {
        return new SignOutHandover(sessions, notes, router, bus);
    }

    /**
     * Presence lives with agents; coming online is what makes routing hand out chats, going offline
     * what hands an agent's chats back to the queue. Wired here, where both are known.
     */
    @Bean
    AgentPresence agentPresence(
            StaffRepository staff, ChatEventBus bus, Router router, SignOutHandover handover) {
        return new AgentPresence(staff, bus, router::routeAgent, handover::returnChatsOf);
    }
}
