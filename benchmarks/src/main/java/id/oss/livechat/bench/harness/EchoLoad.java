package id.oss.livechat.bench.harness;

import id.oss.livechat.bench.baseline.RawEchoServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The latency baseline's load: the raw echo server in its own JVM, and as many clients as the chat
 * load has, sending the same frames on the same schedule. Each frame comes straight back: one hop
 * of raw frames, where a chat message takes two and everything between.
 */
public final class EchoLoad implements AutoCloseable {
    private final Latencies latencies;
    private final AtomicLong echoed;
    private final Process process;
    private final List<WsClient> clients;
    private final int senders;

    private EchoLoad(
            Latencies latencies,
            AtomicLong echoed,
            Process process,
            List<WsClient> clients,
            int senders) {
        this.latencies = latencies;
        this.echoed = echoed;
        this.process = process;
        this.clients = clients;
        this.senders = senders;
    }

    /** {@code visitors + agents} clients, of which the first {@code visitors} send. */
    public static EchoLoad open(Path work, int visitors, int agents) {
        int port = Children.freePort();
        Process process =
                Children.java(
                        work.resolve("raw-echo.log"),
                        Map.of(),
                        Children.SERVER_JVM_FLAGS,
                        RawEchoServer.class.getName(),
                        String.valueOf(port));
        URI uri = URI.create("ws://localhost:" + port + "/ws");
        Children.awaitWebSocket(uri, process, Duration.ofSeconds(60));
        Latencies latencies = new Latencies();
        AtomicLong echoed = new AtomicLong();
        List<WsClient> clients =
                WsClient.connectAll(
                        uri,
                        visitors + agents,
                        32,
                        i ->
                                text -> {
                                    long intended = ChatLoad.intendedNanos(text);
                                    if (intended != 0) {
                                        latencies.recordSince(intended);
                                        echoed.incrementAndGet();
                                    }
                                });
        return new EchoLoad(latencies, echoed, process, clients, visitors);
    }

    /** Sends {@code rate} frames per second in all, round-robin, for {@code duration}. */
    public long send(double rate, Duration duration) {
        UUID session = UUID.randomUUID();
        return OpenLoop.run(
                rate,
                duration,
                (i, intended) ->
                        clients.get((int) (i % senders))
                                .send(ChatLoad.messageFrame(session, intended)));
    }

    /** One measured window: the echo's percentiles, and the server's CPU per frame ("cpuUs"). */
    public Map<String, Double> round(double rate, Duration window) {
        latencies.reset();
        echoed.set(0);
        long cpuBefore = Children.cpuNanos(process.pid());
        long sent = send(rate, window);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (echoed.get() < sent && System.nanoTime() < deadline) {
            Waits.sleep(20);
        }
        long cpuAfter = Children.cpuNanos(process.pid());
        Map<String, Double> figures = Stats.percentiles(latencies);
        figures.put("cpuUs", (cpuAfter - cpuBefore) / 1000.0 / Math.max(1, echoed.get()));
        return figures;
    }

    @Override
    public void close() {
        WsClient.closeAll(clients);
        Children.stop(process);
    }
}
