package id.oss.livechat.bench.scenario;

import static id.oss.livechat.bench.harness.Report.fmt;

import id.oss.livechat.bench.harness.ChatLoad;
import id.oss.livechat.bench.harness.ChatNode;
import id.oss.livechat.bench.harness.LoadRounds;
import id.oss.livechat.bench.harness.MessageLoad;
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
import java.util.function.Supplier;

/**
 * A peer: the same store-then-deliver chat written with Socket.IO and PostgreSQL in Node ({@code
 * benchmarks/peer/server.js}), on this machine and this database, against the chat server. Both get
 * the latency and throughput scenarios' load: the same visitors and agents, latency rate, warm-up
 * and windows, the same open-loop ramp, the same percentiles, over the same WebSocket client
 * (speaking Socket.IO to the peer). Their rounds alternate, each round's first side alternating
 * too, so both see the same machine: here other builds come and go, and two passes a minute apart
 * once differed twelvefold in p99.
 */
final class PeerScenario implements Scenario {
    /**
     * One Node process by default: a cluster of two spent twice the CPU per message here and held
     * less (docs/BENCHMARKS-NOTES.md); {@code BENCH_PEER_WORKERS=2} runs the cluster.
     */
    static final int DEFAULT_WORKERS = 1;

    /** One side of the comparison: its load, its processes, and its rounds' figures. */
    private record Side(
            String name,
            MessageLoad load,
            Supplier<List<Long>> pids,
            List<Map<String, Double>> latency,
            List<Map<String, Double>> ramps) {
        Side(String name, MessageLoad load, Supplier<List<Long>> pids) {
            this(name, load, pids, new ArrayList<>(), new ArrayList<>());
        }
    }

    @Override
    public void run(ScenarioContext run) {
        Mode mode = run.mode;
        int workers = workers();
        Duration window = Duration.ofSeconds(mode.windowSeconds());
        Duration warmUp = Duration.ofSeconds(mode.warmupSeconds());
        ChatNode node = run.node();
        try (PeerServer peer = PeerServer.start(run.db, run.work, workers, ChatNode.DB_POOL);
                ChatLoad chat = ChatLoad.open(run.db, node, node, mode.visitors(), mode.agents());
                PeerLoad peerLoad =
                        PeerLoad.open(run.db, peer.uri(), mode.visitors(), mode.agents())) {
            Side server = new Side("server", chat, () -> List.of(node.pid()));
            Side theirs = new Side("peer", peerLoad, peer::pids);
            for (Side side : List.of(server, theirs)) {
                long warm = side.load().send(mode.latencyRate(), warmUp);
                side.load().awaitDelivered(warm, Duration.ofSeconds(30));
            }
            for (int round = 0; round < mode.rounds(); round++) {
                for (Side side : inTurn(round, server, theirs)) {
                    side.latency()
                            .add(
                                    LoadRounds.latency(
                                            side.load(),
                                            side.pids().get(),
                                            mode.latencyRate(),
                                            window));
                    Progress.log(
                            side.name() + " latency round " + round + ": " + last(side.latency()));
                }
            }
            for (int round = 0; round < mode.rounds(); round++) {
                for (Side side : inTurn(round, server, theirs)) {
                    side.ramps()
                            .add(
                                    LoadRounds.ramp(
                                            side.load(),
                                            side.pids().get(),
                                            mode.rampStartRate(),
                                            mode));
                    Progress.log(side.name() + " ramp round " + round + ": " + last(side.ramps()));
                }
            }
            PeerLoad.Stored stored = peerLoad.stored(run.db);
            Progress.log("peer stored: " + stored);
            report(
                    run,
                    workers,
                    Stats.median(server.latency()),
                    Stats.median(server.ramps()),
                    Stats.median(theirs.latency()),
                    Stats.median(theirs.ramps()),
                    peerLoad.refused(),
                    stored);
        }
    }

    /** {@code BENCH_PEER_WORKERS} when set (1 or 2), else {@link #DEFAULT_WORKERS}. */
    static int workers() {
        String asked = System.getenv("BENCH_PEER_WORKERS");
        return asked == null || asked.isBlank() ? DEFAULT_WORKERS : Integer.parseInt(asked.trim());
    }

    /** Even rounds the server goes first, odd rounds the peer: neither always follows the other. */
    private static List<Side> inTurn(int round, Side server, Side peer) {
        return round % 2 == 0 ? List.of(server, peer) : List.of(peer, server);
    }

    private static Map<String, Double> last(List<Map<String, Double>> rounds) {
        return rounds.get(rounds.size() - 1);
    }

    private static void report(
            ScenarioContext run,
            int workers,
            Map<String, Double> ours,
            Map<String, Double> ourRamp,
            Map<String, Double> peer,
            Map<String, Double> peerRamp,
            long refused,
            PeerLoad.Stored stored) {
        Mode mode = run.mode;
        Report report = run.report;
        String name =
                fmt(
                        "peer, rounds alternating with the server's: Socket.IO %s + pg %s on Node"
                                + " %s, %s (%d visitors, %d agents)",
                        PeerServer.pinned("socket.io"),
                        PeerServer.pinned("pg"),
                        PeerServer.nodeVersion(),
                        workers == 1 ? "one process" : "a cluster of " + workers,
                        mode.visitors(),
                        mode.agents());
        String atRate = " at " + mode.latencyRate() + " msg/s";
        for (String p : List.of("p50", "p99", "p99.9")) {
            report.row(
                    name,
                    "visitor → agent " + p + atRate,
                    ours.get(p),
                    "peer " + p,
                    peer.get(p),
                    "ms");
        }
        report.row(
                name,
                "server CPU per message" + atRate,
                ours.get("cpuUs"),
                "peer CPU per message (all its processes)",
                peer.get("cpuUs"),
                "µs");
        report.row(
                name,
                "messages delivered / sent" + atRate,
                ours.get("deliveredShare") * 100,
                "peer",
                peer.get("deliveredShare") * 100,
                "%");
        report.row(
                name,
                "stored and delivered msgs/s at p99 ≤ 50 ms (ramp from "
                        + mode.rampStartRate()
                        + " msg/s, +25% a step)",
                ourRamp.get("sustained"),
                "peer",
                peerRamp.get("sustained"),
                "msg/s");
        report.row(name, "p99 at that rate", ourRamp.get("p99"), "peer", peerRamp.get("p99"), "ms");
        report.row(
                name,
                "server CPU per message at that rate",
                ourRamp.get("cpuUs"),
                "peer",
                peerRamp.get("cpuUs"),
                "µs");
        boolean capped = peerRamp.get("capped") >= 0.5;
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
                                + " pg %s, %d connections in all, as the server's pool;"
                                + " bufferutil), %s; each message one row numbered per session"
                                + " in one statement with a synchronous commit, then emitted to"
                                + " the chat's room and acknowledged. The server in this scenario"
                                + " is a node of its own with a chat load of its own; its rounds"
                                + " and the peer's alternate.",
                        PeerServer.pinned("socket.io"),
                        PeerServer.pinned("pg"),
                        ChatNode.DB_POOL,
                        workers == 1
                                ? "one Node process (JavaScript on one thread)"
                                : "a cluster of "
                                        + workers
                                        + " Node processes with @socket.io/cluster-adapter"));
        goals(run, ours, ourRamp, peer, peerRamp, capped);
    }

    private static void goals(
            ScenarioContext run,
            Map<String, Double> ours,
            Map<String, Double> ourRamp,
            Map<String, Double> peer,
            Map<String, Double> peerRamp,
            boolean capped) {
        Report report = run.report;
        double throughput = ourRamp.get("sustained");
        double peerThroughput = peerRamp.get("sustained");
        String cpu =
                "; per message at those rates the server spent "
                        + Report.num(ourRamp.get("cpuUs"))
                        + " µs of CPU, the peer "
                        + Report.num(peerRamp.get("cpuUs"))
                        + " µs"
                        + (throughput <= 0
                                ? " (the server did not hold the ramp's first step in most rounds)"
                                : "");
        String goal = "msgs/s at p99 ≤ 50 ms ≥ 2× the Socket.IO + pg peer's (issue 21)";
        if (peerThroughput <= 0) {
            report.goal(
                    goal,
                    fmt("%.0f msg/s vs none (the peer did not hold the first step)", throughput),
                    false,
                    "no ratio: the peer did not hold the ramp's first step in most rounds");
        } else {
            double ratio = throughput / peerThroughput;
            report.goal(
                    goal,
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
        double p99Ratio = ours.get("p99") / peer.get("p99");
        report.goal(
                "p99 at the latency rate ≤ 0.5× the peer's (issue 21)",
                fmt("%.2f ms vs %.2f ms = %.2f×", ours.get("p99"), peer.get("p99"), p99Ratio),
                p99Ratio <= 0.5,
                (p99Ratio <= 0.5 ? "met" : fmt("missed by %.2f×", p99Ratio - 0.5))
                        + fmt(
                                "; at %d msg/s the server spent %.0f µs of CPU per message, the"
                                        + " peer %.0f µs; p50 %.2f ms against %.2f ms",
                                run.mode.latencyRate(),
                                ours.get("cpuUs"),
                                peer.get("cpuUs"),
                                ours.get("p50"),
                                peer.get("p50")));
    }
}
