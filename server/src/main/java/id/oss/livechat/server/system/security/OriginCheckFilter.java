package id.oss.livechat.server.system.security;

import id.oss.livechat.server.common.Problem;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS as Spring's own filter does it, except that a request from an origin not in {@code
 * CORS_ORIGINS} (a page elsewhere making its visitors' browsers call us, or open a chat socket) is
 * refused with the one JSON error shape, {@code 403 origin_not_allowed}, rather than an empty 403.
 * Same-origin requests and clients that send no {@code Origin} (the agent desktop, curl) pass.
 */
public class OriginCheckFilter implements WebFilter {
    private final CorsConfigurationSource source;
    private final CorsProcessor processor = new DefaultCorsProcessor();

    public OriginCheckFilter(CorsConfigurationSource source) {
        this.source = source;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        CorsConfiguration config = source.getCorsConfiguration(exchange);
        if (!processor.process(config, exchange)) {
            return Mono.error(
                    new Problem(
                            Problem.Kind.FORBIDDEN,
                            "origin_not_allowed",
                            "Pages of this origin may not call the chat server; the operator lists"
                                    + " the portal's origins in CORS_ORIGINS."));
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return Mono.empty();
        }
        return chain.filter(exchange);
    }
}
