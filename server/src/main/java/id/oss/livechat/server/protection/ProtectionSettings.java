package id.oss.livechat.server.protection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits on the anonymous doors, under {@code livechat.protection.*}; application.yml maps the
 * environment onto them (README, "Security", says why each default is what it is).
 *
 * @param requestsPerMinute every anonymous request ({@code /api/oss-chat/**}, {@code /demo/login})
 *     per client address: a burst of this many, refilled over a minute
 * @param startsBurst chats one address may start at once
 * @param startsPerHour chats one address may start per hour after the burst
 * @param sessionRequestsPerMinute requests about one visitor session (its token) per minute
 * @param sessionUploadsPerMinute files one visitor session (its token) may upload: a burst of this
 *     many, refilled over a minute
 * @param loginsPerMinute staff sign-in attempts per address per minute
 * @param maxWaitingPerAddress chats started from one address that may wait in the queues at once
 * @param maxWaitingPerDepartment chats that may wait in one department's queue at once
 * @param socketOpensPerMinute chat sockets ({@code /ws/visitor}, {@code /ws/agent}) one address may
 *     open: a burst of this many, refilled over a minute
 * @param maxVisitorSocketsPerAddress visitor sockets ({@code /ws/visitor}) one address may hold
 *     open at once
 * @param maxStaffSocketsPerAddress staff sockets ({@code /ws/agent}) one address may hold open at
 *     once
 * @param trustedProxies the proxies whose {@code X-Forwarded-For} names the client (CIDR list)
 */
@ConfigurationProperties("livechat.protection")
public record ProtectionSettings(
        @DefaultValue("600") long requestsPerMinute,
        @DefaultValue("60") long startsBurst,
        @DefaultValue("300") long startsPerHour,
        @DefaultValue("60") long sessionRequestsPerMinute,
        @DefaultValue("10") long sessionUploadsPerMinute,
        @DefaultValue("60") long loginsPerMinute,
        @DefaultValue("50") int maxWaitingPerAddress,
        @DefaultValue("500") int maxWaitingPerDepartment,
        @DefaultValue("300") long socketOpensPerMinute,
        @DefaultValue("100") int maxVisitorSocketsPerAddress,
        @DefaultValue("100") int maxStaffSocketsPerAddress,
        @DefaultValue("") String trustedProxies) {}
