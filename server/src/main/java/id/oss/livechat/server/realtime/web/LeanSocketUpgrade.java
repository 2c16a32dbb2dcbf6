package id.oss.livechat.server.realtime.web;

import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.adapter.ReactorNettyWebSocketSession;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Spring's Reactor Netty upgrade, keeping less per socket; everything it keeps lives as long as the
 * socket, hours for an idle visitor. Spring's own copies the handshake request's headers into the
 * socket's {@code HandshakeInfo} and wraps each socket's handler in a checkpoint (two strings and
 * an assembly snapshot), and Reactor Netty keeps the handshake's answer headers. The chat handler
 * reads only the client's address, which is no header (a trusted proxy's {@code X-Forwarded-For}
 * was read into it before the handshake); Netty checks the upgrade's own headers on its copy of the
 * request. Together about 1.5 KiB of every idle socket.
 */
final class LeanSocketUpgrade implements RequestUpgradeStrategy {
    private final Supplier<WebsocketServerSpec.Builder> spec;

    LeanSocketUpgrade(Supplier<WebsocketServerSpec.Builder> spec) {
        this.spec = spec;
    }

    @Override
    public Mono<Void> upgrade(
            ServerWebExchange exchange,
            WebSocketHandler handler,
            String subProtocol,
            Supplier<HandshakeInfo> handshakeInfoFactory) {
        ServerHttpResponse response = exchange.getResponse();
        HttpServerResponse netty = ServerHttpResponseDecorator.getNativeResponse(response);
        HandshakeInfo handshake = withoutHeaders(exchange, subProtocol);
        NettyDataBufferFactory buffers = (NettyDataBufferFactory) response.bufferFactory();
        WebsocketServerSpec socketSpec = specFor(subProtocol);
        // setComplete first: it runs WebFlux's before-commit actions (our security headers)
        return response.setComplete()
                .then(
                        Mono.defer(
                                () ->
                                        netty.sendWebsocket(
                                                (in, out) -> {
                                                    // the 101 is on the wire: nothing reads the
                                                    // answer's headers again
                                                    netty.responseHeaders().clear();
                                                    return handler.handle(
                                                            new ReactorNettyWebSocketSession(
                                                                    in,
                                                                    out,
                                                                    handshake,
                                                                    buffers,
                                                                    socketSpec
                                                                            .maxFramePayloadLength()));
                                                },
                                                socketSpec)));
    }

    /** The sub-protocol the handshake chose, or null (the chat sockets name none). */
    private WebsocketServerSpec specFor(String subProtocol) {
        WebsocketServerSpec.Builder builder = spec.get();
        if (subProtocol != null) {
            builder.protocols(subProtocol);
        }
        return builder.build();
    }

    /** What Spring's handshake would say, but with no copy of the request's headers. */
    private static HandshakeInfo withoutHeaders(ServerWebExchange exchange, String subProtocol) {
        ServerHttpRequest request = exchange.getRequest();
        return new HandshakeInfo(
                request.getURI(),
                HttpHeaders.EMPTY,
                request.getCookies(),
                exchange.getPrincipal(),
                subProtocol,
                request.getRemoteAddress(),
                Map.of(),
                exchange.getLogPrefix());
    }
}
