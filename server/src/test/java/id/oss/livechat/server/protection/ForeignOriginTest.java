package id.oss.livechat.server.protection;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.EdgeTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * In production, a page on an origin outside {@code CORS_ORIGINS} can neither open a chat socket
 * nor call the API from a visitor's browser: a site that embeds a hidden chat script cannot use its
 * visitors to flood us. The portal's own pages, same-origin pages and clients that send no Origin
 * (the agent desktop) still get through.
 */
class ForeignOriginTest extends EdgeTest {

    /** The status of a WebSocket handshake sent with this Origin (null: none). */
    private int handshake(String path, String origin) {
        return HttpClient.create()
                .headers(
                        h -> {
                            if (origin != null) {
                                h.set("Origin", origin);
                            }
                        })
                .websocket(WebsocketClientSpec.builder().build())
                .uri("ws://localhost:" + port + path)
                .handle((in, out) -> out.sendClose())
                .then()
                .thenReturn(101)
                .onErrorResume(
                        e -> {
                            String message = String.valueOf(e.getMessage());
                            java.util.regex.Matcher status =
                                    java.util.regex.Pattern.compile("(\\d{3})").matcher(message);
                            return reactor.core.publisher.Mono.just(
                                    status.find() ? Integer.parseInt(status.group(1)) : -1);
                        })
                .block(Duration.ofSeconds(20));
    }

    @Test
    void aSocketHandshakeFromAForeignOriginIsRefusedWhileThePortalsSucceeds() {
        assertThat(handshake("/ws/visitor", "https://evil.example")).isEqualTo(403);
        assertThat(handshake("/ws/agent", "https://evil.example")).isEqualTo(403);
        assertThat(handshake("/ws/visitor", PORTAL)).isEqualTo(101);
        assertThat(handshake("/ws/visitor", "http://localhost:" + port)).isEqualTo(101);
        assertThat(handshake("/ws/agent", null)).isEqualTo(101);
    }

    @Test
    void anApiCallFromAForeignOriginIsRefusedWithTheJsonErrorWhileThePortalsSucceeds() {
        Map<String, Object> start =
                Map.of("browser_uuid", UUID.randomUUID().toString(), "topic", "Izin usaha");
        long before = count("SELECT count(*) FROM chat_sessions");
        citizen(freshAddress())
                .post()
                .uri("/api/oss-chat/start")
                .header("Origin", "https://evil.example")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(start)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.FORBIDDEN)
                .expectHeader()
                .contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("origin_not_allowed")
                .jsonPath("$.message")
                .isNotEmpty();
        assertThat(count("SELECT count(*) FROM chat_sessions")).isEqualTo(before);
        citizen(freshAddress())
                .post()
                .uri("/api/oss-chat/start")
                .header("Origin", PORTAL)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(start)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Access-Control-Allow-Origin", PORTAL);
    }
}
