package id.oss.livechat.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.bench.baseline.RawEchoServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.DisposableServer;

/**
 * The harness itself, small and fast, so it cannot rot between benchmark runs: real sockets, an
 * open-loop schedule, the histogram, /proc, the report. It asserts that things were measured, never
 * how fast.
 */
class HarnessSmokeTest {
    @Test
    void loadGeneratorMeasuresEveryMessageAgainstTheRawServer() {
        DisposableServer server = RawEchoServer.start(0);
        try {
            Latencies latencies = new Latencies();
            AtomicLong received = new AtomicLong();
            List<WsClient> clients =
                    WsClient.connectAll(
                            URI.create("ws://localhost:" + server.port() + "/ws"),
                            20,
                            8,
                            i ->
                                    text -> {
                                        latencies.recordSince(ChatLoad.intendedNanos(text));
                                        received.incrementAndGet();
                                    });
            UUID session = UUID.randomUUID();
            long sent =
                    OpenLoop.run(
                            200,
                            Duration.ofMillis(500),
                            (i, intended) ->
                                    clients.get((int) (i % clients.size()))
                                            .send(ChatLoad.messageFrame(session, intended)));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (received.get() < sent && System.nanoTime() < deadline) {
                Waits.sleep(10);
            }
            WsClient.closeAll(clients);

            assertThat(sent).isEqualTo(100);
            assertThat(received.get()).isEqualTo(sent);
            assertThat(latencies.count()).isEqualTo(sent);
            assertThat(latencies.ms(99)).isGreaterThan(0);
        } finally {
            server.disposeNow();
        }
    }

    /**
     * The suite's own way of starting the product (environment, flags, readiness) and of carrying a
     * chat through it: when the server's start-up rules change, this fails here instead of in the
     * next benchmark run.
     */
    @Test
    void aChatNodeStartsAndCarriesEveryMessageToTheAgent(@TempDir Path dir) {
        try (Database db = Database.start(dir);
                ChatNode node = ChatNode.start(db, dir, "smoke-node", Map.of());
                ChatLoad load = ChatLoad.open(db, node, node, 4, 1)) {
            long sent = load.send(40, Duration.ofMillis(500));

            assertThat(load.awaitDelivered(sent, Duration.ofSeconds(30))).isTrue();
            assertThat(sent).isEqualTo(20);
            assertThat(load.delivered.get()).isEqualTo(sent);
            assertThat(load.latencies.count()).isEqualTo(sent);
            assertThat(load.unannounced()).isZero();
        }
    }

    @Test
    void readsCpuTimeAndWritesTheReport() {
        long pid = ProcessHandle.current().pid();
        long spin = System.nanoTime() + 50_000_000;
        while (System.nanoTime() < spin) {
            Thread.onSpinWait();
        }
        assertThat(Children.cpuNanos(pid)).isPositive();

        assertThat(Stats.median(List.of(Map.of("x", 3.0), Map.of("x", 1.0), Map.of("x", 2.0))))
                .containsEntry("x", 2.0);
        Report report = new Report();
        report.row("latency", "p50", 2.0, "echo + insert", 1.0, "ms");
        report.goal("p99 ≤ 15 ms", "4 ms", true, "within");
        assertThat(report.markdown("# Benchmarks\n"))
                .contains("| latency | p50 | 2.00 ms | echo + insert | 1.00 ms | 2.00× |")
                .contains("**met**");
        assertThat(Mode.of("quick").rounds()).isEqualTo(1);
        assertThat(Mode.of("full").idleConnections()).isEqualTo(15_000);
    }
}
