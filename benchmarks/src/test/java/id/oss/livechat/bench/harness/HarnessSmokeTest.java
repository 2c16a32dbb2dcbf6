package id.oss.livechat.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.bench.baseline.RawEchoServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * The peer's load runs over a Socket.IO client of the suite's own; the build has no Node, so a
     * stub of the server's side of the wire checks it: the client signs in with its auth, answers
     * pings, asks for acknowledgements, and every message is timed at the other side.
     */
    @Test
    void theSocketIoClientSignsInAnswersPingsAndTimesEveryMessageToTheOtherSide() {
        try (SocketIoStub stub = new SocketIoStub()) {
            AtomicLong acks = new AtomicLong();
            AtomicLong received = new AtomicLong();
            Latencies latencies = new Latencies();
            List<SocketIoClient> agents =
                    SocketIoClient.connectAll(
                            stub.uri(),
                            1,
                            1,
                            i -> "{\"role\":\"agent\"}",
                            i ->
                                    packet -> {
                                        if (packet.startsWith("42[\"message.new\"")) {
                                            latencies.recordSince(ChatLoad.intendedNanos(packet));
                                            received.incrementAndGet();
                                        }
                                    });
            List<SocketIoClient> visitors =
                    SocketIoClient.connectAll(
                            stub.uri(),
                            4,
                            2,
                            i -> "{\"role\":\"visitor\",\"n\":" + i + "}",
                            i ->
                                    packet -> {
                                        if (packet.startsWith("43")) {
                                            acks.incrementAndGet();
                                        }
                                    });
            UUID session = UUID.randomUUID();
            long sent =
                    OpenLoop.run(
                            100,
                            Duration.ofMillis(300),
                            (i, intended) ->
                                    visitors.get((int) (i % visitors.size()))
                                            .emitWithAck(
                                                    "message.send",
                                                    PeerLoad.message(session, intended)));

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(
                            () -> {
                                assertThat(received.get()).isEqualTo(sent);
                                assertThat(acks.get()).isEqualTo(sent);
                                assertThat(stub.pongs.get()).isEqualTo(5);
                            });
            assertThat(sent).isEqualTo(30);
            assertThat(latencies.count()).isEqualTo(sent);
            assertThat(stub.auths)
                    .hasSize(5)
                    .contains("{\"role\":\"agent\"}", "{\"role\":\"visitor\",\"n\":3}");
            SocketIoClient.closeAll(visitors);
            SocketIoClient.closeAll(agents);
        }
    }

    @Test
    void aSignInTheSocketIoServerRefusesFailsTheConnect() {
        try (SocketIoStub stub = new SocketIoStub()) {
            assertThatThrownBy(
                            () ->
                                    SocketIoClient.connect(
                                                    stub.uri(), "{\"role\":\"bad\"}", p -> {})
                                            .block(Duration.ofSeconds(10)))
                    .hasMessageContaining("refused: {\"message\":\"unauthorized\"}");
        }
    }

    /**
     * The peer installs with {@code npm ci}: every dependency pinned to one version in
     * package.json, and the lock file installing exactly that version.
     */
    @Test
    void thePeersDependenciesArePinnedAndLocked() {
        String lock = PeerServer.resource("package-lock.json");
        Matcher dependencies =
                Pattern.compile("\"(?:optionalD|d)ependencies\": \\{([^}]*)}")
                        .matcher(PeerServer.resource("package.json"));
        int count = 0;
        while (dependencies.find()) {
            Matcher entry =
                    Pattern.compile("\"([^\"]+)\": \"([^\"]+)\"").matcher(dependencies.group(1));
            while (entry.find()) {
                count++;
                assertThat(entry.group(2)).as(entry.group(1)).matches("\\d+\\.\\d+\\.\\d+");
                assertThat(lock)
                        .as(entry.group(1) + " in the lock file")
                        .containsPattern(
                                "\"node_modules/"
                                        + Pattern.quote(entry.group(1))
                                        + "\": \\{\\s*\"version\": \""
                                        + Pattern.quote(entry.group(2))
                                        + "\"");
            }
        }
        assertThat(count).isGreaterThanOrEqualTo(3);
        assertThat(PeerServer.pinned("socket.io")).isNotEqualTo("?");
        assertThat(PeerServer.pinned("pg")).isNotEqualTo("?");
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
        report.row("peer", "p99", Double.NaN, "peer p99", 4.0, "ms");
        assertThat(report.markdown("# Benchmarks\n"))
                .contains("| peer | p99 | — ms | peer p99 | 4.00 ms | — |");
        assertThat(Mode.of("quick").rounds()).isEqualTo(1);
        assertThat(Mode.of("full").idleConnections()).isEqualTo(15_000);
    }

    @Test
    void coldStartsRunOnJarsOnlyBecauseTheJvmArchivesNoClassesFromDirectories(@TempDir Path dir)
            throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/id/oss/demo"));
        Files.writeString(classes.resolve("Demo.class"), "not really a class");
        Path jar = dir.resolve("lib.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("x.txt"));
        }
        String classPath =
                String.join(
                        java.io.File.pathSeparator,
                        dir.resolve("classes").toString(),
                        jar.toString(),
                        dir.resolve("missing").toString());

        String jarred = ClassDataSharing.jarOnly(classPath, dir.resolve("cds"));

        List<String> entries = List.of(jarred.split(java.io.File.pathSeparator));
        assertThat(entries).hasSize(2).allMatch(e -> e.endsWith(".jar")).contains(jar.toString());
        try (var made = new java.util.jar.JarFile(entries.get(0))) {
            assertThat(made.stream().map(java.util.jar.JarEntry::getName))
                    .containsExactly("id/", "id/oss/", "id/oss/demo/", "id/oss/demo/Demo.class");
            assertThat(made.getInputStream(made.getEntry("id/oss/demo/Demo.class")).readAllBytes())
                    .asString()
                    .isEqualTo("not really a class");
        }
        assertThat(ClassDataSharing.using(dir.resolve("a.jsa")))
                .containsExactly("-XX:SharedArchiveFile=" + dir.resolve("a.jsa"));
    }
}
