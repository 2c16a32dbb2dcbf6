package id.oss.livechat.server.system.security;

import id.oss.livechat.server.common.StaffTokenVerifier;
import id.oss.livechat.server.system.config.LiveChatProperties;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. Two filter chains: the public one (visitor API, whose visitor tokens are
 * checked by the visitor feature, file downloads, which take either kind of token and are checked
 * by the attachment feature, plus health, docs, widget and WebSockets, which authenticate in their
 * first frame), and the staff one, where Spring Security's reactive resource server takes the
 * bearer token of every call, the agent feature verifies it ({@link StaffTokenVerifier}), and the
 * role is checked on each route. Use cases check the finer rules (an agent acting on another
 * agent's chat).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {
    private static final String[] PUBLIC_PATHS = {
        "/api/oss-chat/**",
        // a chat's file: its visitor's token or a staff token, checked by the attachment feature
        "/api/attachments/**",
        "/health",
        "/health/**",
        "/openapi.yaml",
        "/ws/**",
        "/widget/**",
        "/",
        "/demo/**",
        "/favicon.ico",
        "/metrics"
    };

    /**
     * No observation per security filter, per authentication and per authorization. Spring Security
     * wraps each of them in a Micrometer observation when a registry is present: a start and a stop
     * for each of about fifteen filters on every request (5 to 15 % of a chat start's CPU in the
     * burst's profile), and a chat socket's handshake stays inside its chain for as long as the
     * socket is open, so each idle socket kept the chain's observations alive (about 1 KiB each).
     * Nothing here reads them: no tracing is set up, and requests are still timed as a whole
     * ({@code http_server_requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** {@code /metrics}: public in demo mode only; else with {@code METRICS_TOKEN}, or absent. */
    @Bean
    MetricsAccess metricsAccess(
            LiveChatProperties properties,
            @org.springframework.beans.factory.annotation.Value("${METRICS_TOKEN:}") String token) {
        return new MetricsAccess(properties.demo(), token);
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain publicChain(
            ServerHttpSecurity http, CorsConfigurationSource cors, JsonMapper json) {
        return common(
                        http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(PUBLIC_PATHS)),
                        cors,
                        json)
                .authorizeExchange(rules -> rules.anyExchange().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain staffChain(
            ServerHttpSecurity http,
            CorsConfigurationSource cors,
            JsonMapper json,
            StaffTokenVerifier staffTokens) {
        return common(http, cors, json)
                .authorizeExchange(
                        rules ->
                                rules.pathMatchers(HttpMethod.OPTIONS, "/**")
                                        .permitAll()
                                        .pathMatchers(HttpMethod.POST, "/api/auth/login")
                                        .permitAll()
                                        .pathMatchers("/api/analytics/**")
                                        .hasAnyRole("SUPERVISOR", "ADMIN")
                                        .pathMatchers(
                                                "/debug/**", "/api/audit/**", "/api/privacy/**")
                                        .hasRole("ADMIN")
                                        .pathMatchers(HttpMethod.PUT, "/api/agents/me/status")
                                        .authenticated()
                                        .pathMatchers(
                                                HttpMethod.POST, "/api/agents", "/api/departments")
                                        .hasRole("ADMIN")
                                        .pathMatchers(
                                                HttpMethod.PUT,
                                                "/api/agents/*",
                                                "/api/departments/*")
                                        .hasRole("ADMIN")
                                        // opening hours and routing rules (issue 20)
                                        .pathMatchers(
                                                HttpMethod.PUT,
                                                "/api/departments/*/hours",
                                                "/api/routing-rules")
                                        .hasRole("ADMIN")
                                        .pathMatchers("/api/routing-rules")
                                        .hasAnyRole("SUPERVISOR", "ADMIN")
                                        .anyExchange()
                                        .authenticated())
                .oauth2ResourceServer(
                        resource ->
                                resource.authenticationEntryPoint(
                                                new JsonSecurityErrors(json).unauthorized())
                                        .accessDeniedHandler(
                                                new JsonSecurityErrors(json).forbidden())
                                        .jwt(
                                                jwt ->
                                                        jwt.authenticationManager(
                                                                verifiedBy(staffTokens))))
                .build();
    }

    private static ServerHttpSecurity common(
            ServerHttpSecurity http, CorsConfigurationSource cors, JsonMapper json) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                // tokens on every call, no server-side sessions
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // CORS, refusing foreign origins with the JSON error shape (Spring's own filter
                // answers an empty 403)
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .addFilterAt(new OriginCheckFilter(cors), SecurityWebFiltersOrder.CORS)
                .exceptionHandling(
                        e ->
                                e.authenticationEntryPoint(
                                                new JsonSecurityErrors(json).unauthorized())
                                        .accessDeniedHandler(
                                                new JsonSecurityErrors(json).forbidden()));
    }

    /**
     * A bearer token is a staff member once the agent feature verified it (signature, expiry, an
     * active account); any failure is a 401 {@code invalid_token}.
     */
    private static ReactiveAuthenticationManager verifiedBy(StaffTokenVerifier tokens) {
        return authentication -> {
            String token = ((BearerTokenAuthenticationToken) authentication).getToken();
            return tokens.verify(token)
                    .<Authentication>map(
                            verified -> new StaffAuthentication(verified.staff(), token))
                    .onErrorMap(SecurityConfiguration::invalidToken)
                    .switchIfEmpty(Mono.error(() -> invalidToken(null)));
        };
    }

    private static InvalidBearerTokenException invalidToken(Throwable cause) {
        return new InvalidBearerTokenException("The access token is not valid", cause);
    }

    /**
     * Cross-origin calls: the widget runs on the portal's pages, which are another origin than the
     * chat server. {@code CORS_ORIGINS} lists them; in demo mode any origin may call.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(LiveChatProperties properties) {
        CorsConfiguration config = new CorsConfiguration();
        List<String> origins =
                Arrays.stream(properties.corsOrigins().split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        if (origins.isEmpty() && properties.demo()) {
            config.addAllowedOriginPattern("*");
        } else {
            origins.forEach(config::addAllowedOrigin);
        }
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Request-Id"));
        config.setExposedHeaders(List.of("X-Request-Id", "Retry-After"));
        config.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }
}
