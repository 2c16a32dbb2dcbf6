package id.oss.livechat.server.agent;

import id.oss.livechat.server.agent.internal.AgentMetrics;
import id.oss.livechat.server.agent.internal.BCryptPasswordHasher;
import id.oss.livechat.server.agent.internal.DemoDataLoader;
import id.oss.livechat.server.agent.internal.JwtSettings;
import id.oss.livechat.server.agent.internal.JwtTokenIssuer;
import id.oss.livechat.server.agent.internal.R2dbcDepartmentRepository;
import id.oss.livechat.server.agent.internal.R2dbcStaffRepository;
import id.oss.livechat.server.agent.internal.StaffTokens;
import id.oss.livechat.server.common.StaffTokenVerifier;
import id.oss.livechat.server.common.Transactions;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.hours.BusinessHours;
import id.oss.livechat.server.system.config.LiveChatProperties;
import id.oss.livechat.server.system.config.StartupRefusedException;
import id.oss.livechat.server.system.metrics.RefreshedGauges;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Wires the agent feature: staff, departments, login, and staff tokens (issued at login, verified
 * for the REST filter chain and the staff socket through {@link StaffTokenVerifier}).
 */
@Configuration(proxyBeanMethods = false)
public class AgentConfiguration {
    private static final Logger log = LoggerFactory.getLogger(AgentConfiguration.class);

    @Bean
    DepartmentRepository departmentRepository(DatabaseClient db, Transactions transactions) {
        return new R2dbcDepartmentRepository(db, transactions);
    }

    @Bean
    StaffRepository staffRepository(DatabaseClient db, Transactions transactions) {
        return new R2dbcStaffRepository(db, transactions);
    }

    @Bean
    PasswordHasher passwordHasher() {
        return new BCryptPasswordHasher(10);
    }

    /** {@code JWT_SECRET} and {@code JWT_EXPIRES_IN}; a missing or weak secret stops the start. */
    @Bean
    JwtSettings jwtSettings(LiveChatProperties properties) {
        return JwtSettings.from(
                properties.jwt().secret(), properties.jwt().expiresIn(), properties.demo());
    }

    @Bean
    TokenIssuer tokenIssuer(JwtSettings settings, Clock clock) {
        return new JwtTokenIssuer(settings, clock);
    }

    @Bean
    StaffTokenVerifier staffTokenVerifier(JwtSettings settings, StaffRepository staff) {
        return new StaffTokens(settings, staff);
    }

    @Bean
    StaffLogin staffLogin(
            StaffRepository staff,
            PasswordHasher hasher,
            TokenIssuer tokens,
            Clock clock,
            LiveChatProperties properties) {
        Duration slowdownMax = properties.login().slowdownMax();
        return new StaffLogin(
                staff,
                hasher,
                tokens,
                new LoginThrottle(clock, LoginThrottle.USER_SLOW_AFTER, slowdownMax),
                new LoginThrottle(clock, LoginThrottle.ADDRESS_SLOW_AFTER, slowdownMax));
    }

    @Bean
    StaffDirectory staffDirectory(
            StaffRepository staff,
            DepartmentRepository departments,
            PasswordHasher hasher,
            ChatEventBus bus) {
        return new StaffDirectory(staff, departments, hasher, bus);
    }

    @Bean
    SignOutAndPasswords signOutAndPasswords(
            StaffRepository staff, PasswordHasher hasher, ChatEventBus bus) {
        return new SignOutAndPasswords(staff, hasher, bus);
    }

    @Bean
    DepartmentAdministration departmentAdministration(
            DepartmentRepository departments, BusinessHours hours) {
        return new DepartmentAdministration(departments, hours);
    }

    @Bean
    @ConditionalOnProperty(name = "livechat.demo", havingValue = "true")
    DemoDataLoader demoDataLoader(
            StaffRepository staff,
            DepartmentRepository departments,
            PasswordHasher hasher,
            LiveChatProperties properties) {
        return new DemoDataLoader(
                new DemoStaff(staff, departments, hasher), properties.demoPassword());
    }

    /** Demo mode off: the start stops while a demo account opens with a demo password. */
    @Bean
    @ConditionalOnProperty(name = "livechat.demo", havingValue = "false", matchIfMissing = true)
    @DependsOnDatabaseInitialization
    DemoAccountsCheck demoAccountsCheck(
            StaffRepository staff, PasswordHasher hasher, LiveChatProperties properties) {
        DemoAccountsCheck check = new DemoAccountsCheck(staff, hasher, properties.demoPassword());
        String refusal = check.refusal();
        if (refusal != null) {
            log.error(refusal);
            throw new StartupRefusedException(refusal);
        }
        return check;
    }

    @Bean
    AgentMetrics agentMetrics(RefreshedGauges gauges, DatabaseClient db) {
        return new AgentMetrics(gauges, db);
    }
}
