package id.oss.livechat.bench.scenario;

import static id.oss.livechat.bench.harness.Report.fmt;

import id.oss.livechat.bench.harness.ChatLoad;
import id.oss.livechat.bench.harness.ChatNode;
import id.oss.livechat.bench.harness.Database;
import id.oss.livechat.bench.harness.LoadRounds;
import id.oss.livechat.bench.harness.Mode;
import id.oss.livechat.bench.harness.Progress;
import id.oss.livechat.bench.harness.Report;
import id.oss.livechat.bench.harness.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Throughput on one node: an open-loop ramp, a quarter more each step, until p99 passes 50 ms or
 * messages go missing. The baseline is pgbench's single-row insert TPS (closed loop) with the
 * server's pool size as clients. It measures on the latency scenario's warmed chat load, inside
 * that scenario's pass; asked for alone, it runs that pass (and so reports latency too).
 */
final class ThroughputScenario implements Scenario {
    private final List<Map<String, Double>> ramps = new ArrayList<>();
    private final List<Map<String, Double>> tps = new ArrayList<>();
    private String insertTool = "";

    @Override
    public void run(ScenarioContext run) {
        new LatencyScenario(Optional.of(this)).run(run);
    }

    /** The ramp, once per round, on the latency scenario's load. */
    void measureRamps(ScenarioContext run, ChatLoad load, long nodePid) {
        Mode mode = run.mode;
        for (int round = 0; round < mode.rounds(); round++) {
            ramps.add(LoadRounds.ramp(load, nodePid, mode.rampStartRate(), mode));
            Progress.log("ramp round " + round + ": " + ramps.get(round));
        }
    }

    /** The insert TPS of one round, after the latency scenario's insert round. */
    void measureInsertTps(ScenarioContext run, int round) {
        Database.InsertRun closedLoop =
                run.db.singleInserts(ChatNode.DB_POOL, run.mode.dbSeconds(), 0);
        insertTool = closedLoop.tool();
        tps.add(Map.of("tps", closedLoop.tps()));
        Progress.log("insert tps round " + round + ": " + closedLoop.tps());
    }

    void report(ScenarioContext run) {
        Map<String, Double> ramp = Stats.median(ramps);
        double insertTps = Stats.median(tps).get("tps");
        Report report = run.report;
        String name =
                "throughput (open-loop ramp until p99 > 50 ms, "
                        + run.mode.visitors()
                        + " visitors)";
        report.row(
                name,
                "stored and delivered msgs/s at p99 ≤ 50 ms",
                ramp.get("sustained"),
                "single-row insert TPS ("
                        + LatencyScenario.shortTool(insertTool)
                        + ", "
                        + ChatNode.DB_POOL
                        + " clients)",
                insertTps,
                "msg/s");
        report.row(name, "p99 at that rate", ramp.get("p99"), "", Double.NaN, "ms");
        report.row(
                name,
                "server CPU per message at that rate",
                ramp.get("cpuUs"),
                "",
                Double.NaN,
                "µs");
        run.figures.put("throughput", ramp.get("sustained"));
        double ratio = ramp.get("sustained") / insertTps;
        report.goal(
                "stored-and-delivered msgs/s ≥ 1.0× single-insert TPS",
                fmt("%.0f msg/s vs %.0f TPS = %.2f×", ramp.get("sustained"), insertTps, ratio),
                ratio >= 1.0,
                ratio >= 1.0
                        ? "met"
                        : fmt("missed by %.0f%%", (1 - ratio) * 100)
                                + fmt(
                                        ": a message is far more work than pgbench's insert:"
                                                + " a WebSocket frame in, JSON, the append, the"
                                                + " event, JSON and a frame out to each socket"
                                                + " (%.0f µs of server CPU per message at that"
                                                + " rate), and the load generator, the server"
                                                + " and PostgreSQL share 2 cores where pgbench"
                                                + " had them to itself. Appends are grouped"
                                                + " once half the pool is busy, so the commit is"
                                                + " no longer the limit; CPU is. The R2DBC"
                                                + " driver also runs all its connections' I/O"
                                                + " on one event-loop thread, the busiest"
                                                + " thread in a profile of the server.",
                                        ramp.get("cpuUs")));
    }
}
