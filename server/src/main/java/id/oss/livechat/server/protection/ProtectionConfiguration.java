package id.oss.livechat.server.protection;

import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.system.config.LiveChatProperties;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import reactor.core.publisher.Mono;

/** Wires the limits, the caps on open sockets and the trusted proxies from the settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProtectionSettings.class)
public class ProtectionConfiguration {

    @Bean
    RateLimits rateLimits(ProtectionSettings settings, LiveChatProperties properties) {
        Map<RateLimits.Kind, RateLimits.Limit> limits = new EnumMap<>(RateLimits.Kind.class);
        limits.put(RateLimits.Kind.ADDRESS_REQUESTS, perMinute(settings.requestsPerMinute()));
        limits.put(
                RateLimits.Kind.ADDRESS_STARTS,
                new RateLimits.Limit(
                        settings.startsBurst(),
                        new RateLimits.Window(settings.startsPerHour(), Duration.ofHours(1))));
        limits.put(
                RateLimits.Kind.SESSION_REQUESTS, perMinute(settings.sessionRequestsPerMinute()));
        limits.put(RateLimits.Kind.SESSION_UPLOADS, perMinute(settings.sessionUploadsPerMinute()));
        limits.put(RateLimits.Kind.ADDRESS_LOGINS, perMinute(settings.loginsPerMinute()));
        limits.put(
                RateLimits.Kind.ADDRESS_SOCKET_OPENS, perMinute(settings.socketOpensPerMinute()));
        // the socket's own message limit, for the same messages sent over REST
        double perSecond = properties.limits().messagesPerSecond();
        limits.put(
                RateLimits.Kind.SESSION_MESSAGES,
                new RateLimits.Limit(
                        Math.max(1, properties.limits().messageBurst()),
                        new RateLimits.Window(
                                Math.max(1, Math.round(perSecond * 60)), Duration.ofMinutes(1))));
        return new RateLimits(limits);
    }

    @Bean
    OpenSockets openSockets(ProtectionSettings settings) {
        return new OpenSockets(
                settings.maxVisitorSocketsPerAddress(), settings.maxStaffSocketsPerAddress());
    }

    @Bean
    TrustedProxies trustedProxies(ProtectionSettings settings) {
        return TrustedProxies.parse(settings.trustedProxies());
    }

    /**
     * Spring Security's firewall refuses request addresses with {@code //}, encoded slashes, dots
     * or semicolons, backslashes and the like; it answers with an empty 400. This answers in the
     * one JSON error shape instead, like every other refusal.
     */
    @Bean
    ServerExchangeRejectedHandler jsonRejectedRequests() {
        return (exchange, rejected) ->
                Mono.error(
                        new Problem(
                                Problem.Kind.INVALID,
                                "bad_request",
                                "The request's address holds characters this server refuses"
                                        + " (such as //, an encoded slash or a semicolon)."));
    }

    private static RateLimits.Limit perMinute(long tokens) {
        return new RateLimits.Limit(tokens, new RateLimits.Window(tokens, Duration.ofMinutes(1)));
    }
}
