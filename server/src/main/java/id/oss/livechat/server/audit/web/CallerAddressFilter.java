package id.oss.livechat.server.audit.web;

import id.oss.livechat.server.audit.AuditTrail;
import id.oss.livechat.server.system.web.RequestInfo;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the caller's address into the Reactor context of every request, before the security filters,
 * so an audit entry written anywhere in the request (a failed sign-in included) says where the
 * action came from.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CallerAddressFilter implements WebFilter {
    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String address = RequestInfo.client(exchange.getRequest()).ipAddress();
        Mono<Void> rest = chain.filter(exchange);
        return address == null ? rest : rest.contextWrite(c -> c.put(AuditTrail.ADDRESS, address));
    }
}
