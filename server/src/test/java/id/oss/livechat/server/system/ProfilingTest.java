package id.oss.livechat.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ServerTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;

/** {@code /debug/pprof}: the JVM's thread dump, heap summary and flight recorder, admins only. */
class ProfilingTest extends ServerTest {

    @Test
    void onlyAdminsMayProfile() {
        http.get().uri("/debug/pprof/threads").exchange().expectStatus().isUnauthorized();
        http.get()
                .uri("/debug/pprof/heap")
                .headers(h -> h.setBearerAuth(demoToken("supervisor")))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.post()
                .uri("/debug/pprof/jfr/start")
                .headers(h -> h.setBearerAuth(demoToken("agent1")))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void anAdminGetsAThreadDumpAndAHeapSummary() {
        String admin = demoToken("admin");
        // a full dump of a busy server passes the test client's default buffer (64 KiB here); curl
        // has
        // no such limit
        String dump =
                http.mutate()
                        .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                        .build()
                        .get()
                        .uri("/debug/pprof/threads")
                        .headers(h -> h.setBearerAuth(admin))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(dump).startsWith("Thread dump").contains("\tat ").contains("reactor-http");
        http.get()
                .uri("/debug/pprof/heap")
                .headers(h -> h.setBearerAuth(admin))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.heap.used_bytes")
                .isNumber()
                .jsonPath("$.collectors")
                .isMap();
        http.get()
                .uri("/debug/pprof")
                .headers(h -> h.setBearerAuth(admin))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.routes.length()")
                .isEqualTo(4);
    }

    @Test
    void aFlightRecordingStartsOnceAndStopsIntoAJfrFile() {
        String admin = demoToken("admin");
        http.post()
                .uri("/debug/pprof/jfr/start?max_duration=2m")
                .headers(h -> h.setBearerAuth(admin))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("recording")
                .jsonPath("$.max_seconds")
                .isEqualTo(120);
        http.post()
                .uri("/debug/pprof/jfr/start")
                .headers(h -> h.setBearerAuth(admin))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        // the file is larger than the test client buffers: its first chunk is enough
        DataBuffer first =
                http.post()
                        .uri("/debug/pprof/jfr/stop")
                        .headers(h -> h.setBearerAuth(admin))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .returnResult(DataBuffer.class)
                        .getResponseBody()
                        .blockFirst();
        byte[] start = new byte[3];
        first.read(start);
        // every JFR file begins with the magic "FLR\0"
        assertThat(new String(start, StandardCharsets.US_ASCII)).isEqualTo("FLR");
        http.post()
                .uri("/debug/pprof/jfr/stop")
                .headers(h -> h.setBearerAuth(admin))
                .exchange()
                .expectStatus()
                .isNotFound();
    }
}
