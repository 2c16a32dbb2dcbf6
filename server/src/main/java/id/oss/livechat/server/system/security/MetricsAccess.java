package id.oss.livechat.server.system.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * {@code GET /metrics} is not public in production: demo mode serves it to anyone; otherwise only a
 * scraper sending {@code Authorization: Bearer <METRICS_TOKEN>} gets it, and without {@code
 * METRICS_TOKEN} it does not exist (404). Runs before the security chains.
 */
public class MetricsAccess implements WebFilter, Ordered {
    static final String PATH = "/metrics";

    private final boolean demo;
    private final byte[] token;

    public MetricsAccess(boolean demo, String token) {
        this.demo = demo;
        this.token =
                token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (demo || !PATH.equals(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        if (token == null) {
            return refuse(exchange, HttpStatus.NOT_FOUND, "not_found", "No such route.");
        }
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        byte[] sent = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
        byte[] expected =
                ("Bearer " + new String(token, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
        if (MessageDigest.isEqual(sent, expected)) {
            return chain.filter(exchange);
        }
        return refuse(
                exchange,
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                "Send Authorization: Bearer <METRICS_TOKEN>.");
    }

    private static Mono<Void> refuse(
            ServerWebExchange exchange, HttpStatus status, String error, String message) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}";
        return response.writeWith(
                Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public int getOrder() {
        // before Spring Security's chains (-100)
        return -200;
    }
}
