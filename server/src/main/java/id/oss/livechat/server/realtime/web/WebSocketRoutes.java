package id.oss.livechat.server.realtime.web;

import id.oss.livechat.server.protection.OpenSockets;
import id.oss.livechat.server.realtime.ClientConnection;
import id.oss.livechat.server.realtime.FrameHandler;
import id.oss.livechat.server.realtime.SocketAuthenticator;
import id.oss.livechat.server.realtime.SocketSessions;
import id.oss.livechat.server.system.config.LiveChatProperties;
import io.micrometer.observation.ObservationPredicate;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import reactor.netty.http.server.WebsocketServerSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two chat sockets: {@code /ws/visitor} (visitor tokens) and {@code /ws/agent} (staff JWTs),
 * each kind under its own cap of sockets open per client address.
 */
@Configuration(proxyBeanMethods = false)
public class WebSocketRoutes {

    @Bean
    HandlerMapping chatSockets(
            SocketAuthenticator authenticator,
            SocketSessions sockets,
            FrameHandler frames,
            JsonMapper json,
            LiveChatProperties properties,
            OpenSockets openSockets) {
        ClientConnection.Limits limits =
                new ClientConnection.Limits(
                        properties.limits().messagesPerSecond(),
                        properties.limits().messageBurst());
        return new SimpleUrlHandlerMapping(
                Map.of(
                        "/ws/visitor",
                                new ChatWebSocketHandler(
                                        authenticator::visitor,
                                        sockets,
                                        frames,
                                        json,
                                        limits,
                                        properties.limits().authTimeout(),
                                        openSockets,
                                        OpenSockets.Kind.VISITOR),
                        "/ws/agent",
                                new ChatWebSocketHandler(
                                        authenticator::staff,
                                        sockets,
                                        frames,
                                        json,
                                        limits,
                                        properties.limits().authTimeout(),
                                        openSockets,
                                        OpenSockets.Kind.STAFF)),
                -1);
    }

    /**
     * A chat socket's handshake is not timed as an HTTP request: its exchange would be a request
     * "in flight" for as long as the socket is open, hours, and its observation (contexts, key
     * values, the active-requests sample) kept alive with it, about 2 KiB per idle socket. Sockets
     * have their own gauge ({@code livechat_websockets_open}).
     */
    @Bean
    ObservationPredicate socketHandshakesUntimed() {
        return (name, context) ->
                !(context instanceof ServerRequestObservationContext request
                        && request.getCarrier().getPath().value().startsWith("/ws/"));
    }

    /**
     * Frames longer than {@code MAX_FRAME_BYTES} are never read: Netty closes the socket with 1009
     * (message too big) as soon as the frame's header announces its length.
     */
    @Bean
    WebSocketHandlerAdapter webSocketHandlerAdapter(LiveChatProperties properties) {
        int maxFrameBytes = properties.limits().maxFrameBytes();
        return new WebSocketHandlerAdapter(
                new HandshakeWebSocketService(
                        new LeanSocketUpgrade(
                                () ->
                                        WebsocketServerSpec.builder()
                                                .maxFramePayloadLength(maxFrameBytes))));
    }
}
