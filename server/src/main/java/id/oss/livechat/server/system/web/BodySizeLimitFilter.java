package id.oss.livechat.server.system.web;

import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.system.config.LiveChatProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a body that announces itself too large before a byte of it is read. Bodies without a
 * length are held to the same limit by the JSON codec (spring.http.codecs.max-in-memory-size).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BodySizeLimitFilter implements WebFilter {
    private final long maxBytes;

    public BodySizeLimitFilter(LiveChatProperties properties) {
        this.maxBytes = properties.limits().maxBodyBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            return Mono.error(
                    new Problem(
                            Problem.Kind.TOO_LARGE,
                            "payload_too_large",
                            "The request body is larger than " + maxBytes + " bytes."));
        }
        return chain.filter(exchange);
    }
}
