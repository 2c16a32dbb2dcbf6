package id.oss.livechat.bench.scenario;

import static id.oss.livechat.bench.harness.Report.fmt;

import id.oss.livechat.bench.harness.ChatNode;
import id.oss.livechat.bench.harness.LoadRounds;
import id.oss.livechat.bench.harness.Mode;
import id.oss.livechat.bench.harness.PeerLoad;
import id.oss.livechat.bench.harness.PeerServer;
import id.oss.livechat.bench.harness.Progress;
import id.oss.livechat.bench.harness.Report;
import id.oss.livechat.bench.harness.Stats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A peer: the same store-then-deliver chat written with Socket.IO and PostgreSQL in Node ({@code
 * benchmarks/peer/server.js}), on this machine and this database, driven like the chat server in
 * the latency and throughput scenarios: the same visitors and agents, the same latency rate, window
 * and warm-up, the same open-loop ramp, the same percentiles, over the same WebSocket client
 * (speaking Socket.IO). The server's figures come from those scenarios in the same run, so it runs
 * after them; alone it reports the peer's figures only.
 */
final class PeerScenario implements Scenario {
    /**
     * One Node process by default: see docs/BENCHMARKS-NOTES.md for the measurement behind it;
     * {@code BENCH_PEER_WORKERS=2} runs a cluster of two instead.
     */
    static final int DEFAULT_WORKERS = 1;

    @Override
    public void run(ScenarioContext run) {
        Mode mode = run.mode;
        int workers = workers();
        Duration window = Duration.ofSeconds(mode.windowSeconds());
        List<Map<String, Double>> rounds = new ArrayList<>();
        List<Map<String, Double>> ramps = new ArrayList<>();
        long refused;
        PeerLoad.Stored stored;
        try (PeerServer peer = PeerServer.start(run.db, run.work, workers, ChatNode.DB_POOL);
                PeerLoad load = PeerLoad.open(run.db, peer.uri(), mode.visitors(), mode.agents())) {
            long warm = load.send(mode.latencyRate(), Duration.ofSeconds(mode.warmupSeconds()));
            load.awaitDelivered(warm, Duration.ofSeconds(30));
            for (int round = 0; round < mode.rounds(); round++) {
                rounds.add(LoadRounds.latency(load, peer.pids(), mode.latencyRate(), window));
                Progress.log("peer latency round " + round + ": " + rounds.get(round));
            }
            for (int round = 0; round < mode.rounds(); round++) {
                ramps.add(LoadRounds.ramp(load, peer.pids(), mode.rampStartRate(), mode));
                Progress.log("peer ramp round " + round + ": " + ramps.get(round));
            }
            refused = load.refused();
            stored = load.stored(run.db);
        }
        Progress.log("peer stored: " + stored);
        report(run, workers, Stats.median(rounds), Stats.median(ramps), refused, stored);
    }

    /** {@code BENCH_PEER_WORKERS} when set (1 or 2), else {@link #DEFAULT_WORKERS}. */
    static int workers() {
        String asked = System.getenv("BENCH_PEER_WORKERS");
        return asked == null || asked.isBlank() ? DEFAULT_WORKERS : Integer.parseInt(asked.trim());
    }

    private static void report(
            ScenarioContext run,
            int workers,
            Map<String, Double> peer,
            Map<String, Double> ramp,
            long refused,
            PeerLoad.Stored stored) {
        Mode mode = run.mode;
        Report report = run.report;
        String name =
                fmt(
                        "peer: Socket.IO %s + pg %s on Node %s, %s (%d visitors, %d agents)",
                        PeerServer.pinned("socket.io"),
                        PeerServer.pinned("pg"),
                        PeerServer.nodeVersion(),
                        workers == 1 ? "one process" : "a cluster of " + workers,
                        mode.visitors(),
                        mode.agents());
        String atRate = " at " + mode.latencyRate() + " msg/s";
        Map<String, Double> ours = run.figures;
        for (String p : List.of("p50", "p99", "p99.9")) {
            report.row(
                    name,
                    "visitor → agent " + p + atRate,
                    ours.getOrDefault("latency." + p, Double.NaN),
                    "peer " + p,
                    peer.get(p),
                    "ms");
        }
        report.row(
                name,
                "server CPU per message" + atRate,
                ours.getOrDefault("latency.cpuUs", Double.NaN),
                "peer CPU per message (all its processes)",
                peer.get("cpuUs"),
                "µs");
        report.row(
                name,
                "messages delivered / sent" + atRate,
                ours.getOrDefault("latency.deliveredShare", Double.NaN) * 100,
                "peer",
                peer.get("deliveredShare") * 100,
                "%");
        report.row(
                name,
                "stored and delivered msgs/s at p99 ≤ 50 ms (ramp from "
                        + mode.rampStartRate()
                        + " msg/s, +25% a step)",
                ours.getOrDefault("throughput", Double.NaN),
                "peer",
                ramp.get("sustained"),
                "msg/s");
        report.row(
                name,
                "p99 at that rate",
                ours.getOrDefault("throughput.p99", Double.NaN),
                "peer p99 at its rate",
                ramp.get("p99"),
                "ms");
        report.row(
                name,
                "server CPU per message at that rate",
                ours.getOrDefault("throughput.cpuUs", Double.NaN),
                "peer CPU per message at its rate",
                ramp.get("cpuUs"),
                "µs");
        boolean capped = ramp.get("capped") >= 0.5;
        if (capped) {
            report.note(
                    fmt(
                            "**The peer held every step of the ramp up to its highest, %d msg/s**:"
                                    + " its limit lies beyond, so its msgs/s is a floor and the"
                                    + " server's ratio against it a ceiling.",
                            mode.rampMaxRate()));
        }
        report.note(
                fmt(
                        "The peer, over the whole load: %d messages sent, %d acknowledged as"
                                + " stored, %d rows in `peer_messages`, the sessions' numbers"
                                + " adding up to %d%s.",
                        stored.sent(),
                        stored.acknowledged(),
                        stored.rows(),
                        stored.lastSeqs(),
                        stored.sent() == stored.acknowledged()
                                        && stored.sent() == stored.rows()
                                        && stored.rows() == stored.lastSeqs()
                                ? ": every message stored once, numbered without gaps"
                                : " (**not all alike: see the run's log**)"));
        if (refused > 0) {
            report.note(
                    "**The peer acknowledged "
                            + refused
                            + " messages with an error** (not stored); see the run's log.");
        }
        report.note(
                fmt(
                        "Peer: `benchmarks/peer/server.js` (Socket.IO %s, WebSocket transport only;"
                                + " pg %s, %d connections in all; bufferutil), %s; each message"
                                + " one row numbered per session in one statement with a"
                                + " synchronous commit, then emitted to the chat's room and"
                                + " acknowledged. Driven by the suite's WebSocket client speaking"
                                + " Socket.IO 4 (`42` events with acknowledgements, `2`/`3`"
                                + " pings).",
                        PeerServer.pinned("socket.io"),
                        PeerServer.pinned("pg"),
                        ChatNode.DB_POOL,
                        workers == 1
                                ? "one Node process (JavaScript on one thread)"
                                : "a cluster of "
                                        + workers
                                        + " Node processes with @socket.io/cluster-adapter"));
        goals(run, peer, ramp, capped);
    }

    private static void goals(
            ScenarioContext run,
            Map<String, Double> peer,
            Map<String, Double> ramp,
            boolean capped) {
        Map<String, Double> ours = run.figures;
        Report report = run.report;
        if (!ours.containsKey("throughput") || !ours.containsKey("latency.p99")) {
            report.note(
                    "The peer's goals (issue 21) compare against the server's latency and"
                            + " throughput of the same run: run the peer with and after"
                            + " `latency,throughput`.");
            return;
        }
        double throughput = ours.get("throughput");
        double peerThroughput = ramp.get("sustained");
        double cpuRatio = ours.get("throughput.cpuUs") / ramp.get("cpuUs");
        String cpu =
                fmt(
                        "; per message at those rates the server spent %.0f µs of CPU, the peer"
                                + " %.0f µs (%.2f×)",
                        ours.get("throughput.cpuUs"), ramp.get("cpuUs"), cpuRatio);
        if (peerThroughput <= 0) {
            report.goal(
                    "msgs/s at p99 ≤ 50 ms ≥ 2× the Socket.IO + pg peer's (issue 21)",
                    fmt("%.0f msg/s vs peer 0 (it did not hold the ramp's first step)", throughput),
                    throughput > 0,
                    "the peer did not hold the ramp's first step, so there is no ratio");
        } else {
            double ratio = throughput / peerThroughput;
            report.goal(
                    "msgs/s at p99 ≤ 50 ms ≥ 2× the Socket.IO + pg peer's (issue 21)",
                    fmt(
                            "%.0f msg/s vs %s%.0f msg/s = %s%.2f×",
                            throughput,
                            capped ? "≥ " : "",
                            peerThroughput,
                            capped ? "≤ " : "",
                            ratio),
                    ratio >= 2,
                    (ratio >= 2 ? "met" : fmt("missed by %.2f×", 2 - ratio)) + cpu);
        }
        double p99 = ours.get("latency.p99");
        double p99Ratio = p99 / peer.get("p99");
        report.goal(
                "p99 at the latency rate ≤ 0.5× the peer's (issue 21)",
                fmt("%.2f ms vs %.2f ms = %.2f×", p99, peer.get("p99"), p99Ratio),
                p99Ratio <= 0.5,
                (p99Ratio <= 0.5 ? "met" : fmt("missed by %.2f×", p99Ratio - 0.5))
                        + fmt(
                                "; at %d msg/s the server spent %.0f µs of CPU per message, the"
                                        + " peer %.0f µs; p50 %.2f ms against %.2f ms",
                                run.mode.latencyRate(),
                                ours.getOrDefault("latency.cpuUs", Double.NaN),
                                peer.get("cpuUs"),
                                ours.getOrDefault("latency.p50", Double.NaN),
                                peer.get("p50")));
    }
}
