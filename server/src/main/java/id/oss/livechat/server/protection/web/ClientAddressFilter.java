package id.oss.livechat.server.protection.web;

import id.oss.livechat.server.protection.TrustedProxies;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the real client's address on requests that came through a trusted proxy, so everything after
 * it (limits, the address stored with a visitor) sees the citizen, not the ingress. Spring's own
 * forwarded-header support believes any sender, so it stays off: here only a peer in {@code
 * TRUSTED_PROXIES} is heard, and a forged {@code X-Forwarded-For} from anyone else changes nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ClientAddressFilter implements WebFilter {
    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final TrustedProxies proxies;

    public ClientAddressFilter(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        InetSocketAddress peer = request.getRemoteAddress();
        if (proxies.isEmpty() || peer == null || peer.getAddress() == null) {
            return chain.filter(exchange);
        }
        InetAddress client =
                proxies.clientOf(peer.getAddress(), request.getHeaders().get(FORWARDED_FOR));
        if (client.equals(peer.getAddress())) {
            return chain.filter(exchange);
        }
        InetSocketAddress real = new InetSocketAddress(client, peer.getPort());
        return chain.filter(exchange.mutate().request(r -> r.remoteAddress(real)).build());
    }
}
