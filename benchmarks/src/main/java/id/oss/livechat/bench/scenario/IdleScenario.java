package id.oss.livechat.bench.scenario;

import static id.oss.livechat.bench.harness.Report.fmt;

import id.oss.livechat.bench.baseline.RawEchoServer;
import id.oss.livechat.bench.harness.ChatNode;
import id.oss.livechat.bench.harness.Children;
import id.oss.livechat.bench.harness.Machine;
import id.oss.livechat.bench.harness.Progress;
import id.oss.livechat.bench.harness.Report;
import id.oss.livechat.bench.harness.Waits;
import id.oss.livechat.bench.harness.WsClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * Idle capacity: the live heap after a full GC ({@code jcmd GC.class_histogram}) before and after
 * thousands of visitors sign in and stay idle, per socket. The baseline is the raw echo server
 * holding as many sockets, each with one frame each way. One measurement per server: live bytes do
 * not depend on the machine's load the way times do.
 */
final class IdleScenario implements Scenario {
    /**
     * A server's heap growth per socket, the classes that grew most, and how fast the sockets
     * signed in (the chat server's; not measured on the raw one).
     */
    private record PerSocket(double bytes, String topGrowth, double signInsPerSecond) {}

    @Override
    public void run(ScenarioContext run) {
        int wanted = run.mode.idleConnections();
        long limit = Machine.openFileLimit();
        int sockets = (int) Math.min(wanted, Math.max(100, limit - 2000));
        if (sockets < wanted) {
            run.report.note(
                    fmt(
                            "Idle capacity: ulimit -n is %d, so %d sockets instead of %d.",
                            limit, sockets, wanted));
        }
        PerSocket server = server(run, sockets);
        PerSocket raw = rawServer(run, sockets);
        report(run, sockets, server, raw);
    }

    /** Visitors signed in on a chat node, their chats waiting. */
    private PerSocket server(ScenarioContext run, int count) {
        ChatNode node = run.node();
        UUID department = run.db.department();
        List<ChatNode.Session> sessions = node.startSessions(department, count, 32);
        Progress.log("idle: " + count + " sessions started");
        Map<String, Long> before = Children.liveHeapByClass(node.pid());
        CountDownLatch signedIn = new CountDownLatch(count);
        long signInStart = System.nanoTime();
        List<WsClient> sockets =
                WsClient.connectAll(
                        node.ws("/ws/visitor"),
                        count,
                        64,
                        i ->
                                text -> {
                                    if (text.contains("\"type\":\"auth.ok\"")) {
                                        signedIn.countDown();
                                    }
                                },
                        i -> ChatNode.authFrame(sessions.get(i).token()));
        // the figure is the heap; signing 15,000 in takes minutes (a database write each)
        Waits.await(signedIn, "idle visitors signed in", Duration.ofMinutes(10));
        double signInsPerSecond = count / ((System.nanoTime() - signInStart) / 1e9);
        Progress.log(fmt("idle: %d visitors signed in, %.0f per second", count, signInsPerSecond));
        Waits.sleep(1000);
        Map<String, Long> after = Children.liveHeapByClass(node.pid());
        double perSocket = (after.get("(total)") - before.get("(total)")) / (double) count;
        String top = Children.topGrowth(before, after, count, 8);
        Progress.log(fmt("idle server: %.0f bytes per socket; %s", perSocket, top));
        String more = System.getenv("BENCH_HEAP_TOP");
        if (more != null && !more.isBlank()) {
            // for finding what each socket holds: the N classes that grew most
            Progress.log(
                    "idle server, top growth: "
                            + Children.topGrowth(before, after, count, Integer.parseInt(more)));
        }
        String dump = System.getenv("BENCH_HEAP_DUMP");
        if (dump != null && !dump.isBlank()) {
            // for finding what holds each socket's bytes (BENCH_HEAP_DUMP=file.hprof)
            Children.run("jcmd", String.valueOf(node.pid()), "GC.heap_dump", dump);
        }
        WsClient.closeAll(sockets);
        // 15,000 chats left waiting would weigh on every later scenario's queue reads
        run.db.execute(
                "UPDATE chat_sessions SET status = 'closed', ended_at = now(), close_reason ="
                        + " 'abandoned' WHERE department_id = '"
                        + department
                        + "' AND status = 'waiting'");
        return new PerSocket(perSocket, top, signInsPerSecond);
    }

    /** The same number of sockets on the raw echo server. */
    private PerSocket rawServer(ScenarioContext run, int count) {
        int port = Children.freePort();
        Process raw =
                Children.java(
                        run.work.resolve("raw-idle.log"),
                        Map.of(),
                        Children.SERVER_JVM_FLAGS,
                        RawEchoServer.class.getName(),
                        String.valueOf(port));
        try {
            URI uri = URI.create("ws://localhost:" + port + "/ws");
            Children.awaitWebSocket(uri, raw, Duration.ofSeconds(60));
            Map<String, Long> before = Children.liveHeapByClass(raw.pid());
            CountDownLatch echoed = new CountDownLatch(count);
            // one frame each way, as the visitors' sign-in, sent on connecting as theirs is
            List<WsClient> sockets =
                    WsClient.connectAll(
                            uri,
                            count,
                            64,
                            i -> text -> echoed.countDown(),
                            i ->
                                    "{\"type\":\"auth\",\"token\":\"vt_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}");
            Waits.await(echoed, "raw sockets echoed");
            Waits.sleep(1000);
            Map<String, Long> after = Children.liveHeapByClass(raw.pid());
            double perSocket = (after.get("(total)") - before.get("(total)")) / (double) count;
            String top = Children.topGrowth(before, after, count, 5);
            Progress.log(fmt("idle raw: %.0f bytes per socket; %s", perSocket, top));
            WsClient.closeAll(sockets);
            return new PerSocket(perSocket, top, Double.NaN);
        } finally {
            Children.stop(raw);
        }
    }

    private static void report(ScenarioContext run, int sockets, PerSocket server, PerSocket raw) {
        Report report = run.report;
        String name = "idle capacity (" + sockets + " signed-in visitor sockets, one node)";
        report.note(
                "Idle capacity is one measurement per server: live bytes after a full GC do not"
                        + " depend on the machine's load the way times do.");
        report.note(
                "Idle capacity, the largest per-socket growth in the server's heap: "
                        + server.topGrowth()
                        + ".");
        report.note("Idle capacity, the same for the raw server: " + raw.topGrowth() + ".");
        report.row(
                name,
                "live heap per connection after full GC",
                server.bytes() / 1024,
                "raw Reactor Netty WebSocket server",
                raw.bytes() / 1024,
                "KiB");
        report.row(
                name,
                "visitor sign-ins per second (connect, sign in, first frames)",
                server.signInsPerSecond(),
                "",
                Double.NaN,
                "/s");
        double ratio = server.bytes() / raw.bytes();
        report.goal(
                "heap per idle connection ≤ 4× raw",
                fmt(
                        "%.1f KiB vs %.1f KiB = %.2f×",
                        server.bytes() / 1024, raw.bytes() / 1024, ratio),
                ratio <= 4,
                ratio <= 4
                        ? "within the bound"
                        : fmt("missed by %.2f×", ratio - 4)
                                + ": per socket the server keeps Spring's WebSocket session, a"
                                + " ClientConnection with two Reactor sinks and their queues, rate"
                                + " limiters and its registry entries.");
    }
}
