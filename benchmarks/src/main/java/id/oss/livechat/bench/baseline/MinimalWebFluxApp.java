package id.oss.livechat.bench.baseline;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;

/**
 * The cold-start baseline: a minimal Spring Boot WebFlux application on Reactor Netty with one
 * WebSocket route ({@code /ws}, echo). The time from its process start to its first accepted
 * WebSocket is what the framework alone costs.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
    PropertyPlaceholderAutoConfiguration.class,
    NettyReactiveWebServerAutoConfiguration.class,
    HttpHandlerAutoConfiguration.class,
    WebFluxAutoConfiguration.class,
    CodecsAutoConfiguration.class,
    JacksonAutoConfiguration.class
})
public class MinimalWebFluxApp {
    @Bean
    HandlerMapping webSockets() {
        WebSocketHandler echo =
                session ->
                        session.send(
                                session.receive()
                                        .map(
                                                m -> {
                                                    m.retain();
                                                    return m;
                                                }));
        return new SimpleUrlHandlerMapping(Map.of("/ws", echo), -1);
    }

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(MinimalWebFluxApp.class);
        app.run(args);
    }
}
