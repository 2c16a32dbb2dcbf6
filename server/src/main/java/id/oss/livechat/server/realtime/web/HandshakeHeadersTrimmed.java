package id.oss.livechat.server.realtime.web;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Spring's handshake, shown only the headers the upgrade reads. Spring copies the handshake's
 * request headers into the socket's {@code HandshakeInfo}, which lives as long as the socket: every
 * idle socket kept its browser's whole request (user agent, languages, cookies, …), about 2 KiB
 * each, for nothing: the chat handler reads only the client's address, which is not a header (a
 * trusted proxy's {@code X-Forwarded-For} was read into it before the handshake).
 */
final class HandshakeHeadersTrimmed implements WebSocketService {
    /** What Spring's handshake checks and answers with; Netty reads its own copy of the rest. */
    private static final List<String> KEPT =
            List.of(
                    HttpHeaders.UPGRADE,
                    HttpHeaders.CONNECTION,
                    "Sec-WebSocket-Key",
                    "Sec-WebSocket-Version",
                    "Sec-WebSocket-Protocol");

    private final WebSocketService handshake;

    HandshakeHeadersTrimmed(WebSocketService handshake) {
        this.handshake = handshake;
    }

    @Override
    public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
        ServerHttpRequest trimmed = new Trimmed(exchange.getRequest());
        WebSocketHandler afterHandshake =
                session -> {
                    forgetAnswerHeaders(exchange);
                    return handler.handle(session);
                };
        return handshake.handleRequest(exchange.mutate().request(trimmed).build(), afterHandshake);
    }

    /**
     * The handshake's answer (101, with our security headers) is on the wire once the handler runs,
     * but Reactor Netty keeps the HTTP answer's headers as long as the socket: a dozen entries per
     * idle socket that nothing reads again.
     */
    private static void forgetAnswerHeaders(ServerWebExchange exchange) {
        Object response = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
        if (response instanceof HttpServerResponse netty) {
            netty.responseHeaders().clear();
        }
    }

    /** The request with only the {@link #KEPT} headers, read once. */
    private static final class Trimmed extends ServerHttpRequestDecorator {
        private final HttpHeaders headers;

        Trimmed(ServerHttpRequest request) {
            super(request);
            HttpHeaders kept = new HttpHeaders();
            HttpHeaders all = request.getHeaders();
            for (String name : KEPT) {
                List<String> values = all.get(name);
                if (values != null) {
                    kept.put(name, values);
                }
            }
            this.headers = HttpHeaders.readOnlyHttpHeaders(kept);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
