package id.oss.livechat.bench.harness;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two ways a scenario measures a warmed chat load: one window at a steady rate, and a ramp of
 * rising rates until the latency or the delivery gives way.
 */
public final class LoadRounds {
    private LoadRounds() {}

    /**
     * One window at {@code rate}: the visitor → agent percentiles, the share of messages delivered
     * ("deliveredShare") and the server processes' CPU per delivered message ("cpuUs").
     */
    public static Map<String, Double> latency(
            ChatLoad load, List<Long> serverPids, double rate, Duration window) {
        load.resetCounts();
        long cpuBefore = serverPids.stream().mapToLong(Children::cpuNanos).sum();
        long sent = load.send(rate, window);
        load.awaitDelivered(sent, Duration.ofSeconds(10));
        long cpuAfter = serverPids.stream().mapToLong(Children::cpuNanos).sum();
        Map<String, Double> figures = Stats.percentiles(load.latencies);
        figures.put("deliveredShare", load.delivered.get() / (double) sent);
        figures.put("cpuUs", (cpuAfter - cpuBefore) / 1000.0 / Math.max(1, load.delivered.get()));
        return figures;
    }

    /**
     * Rates up by a quarter each step from {@code startRate} until p99 passes 50 ms or messages go
     * missing; the figures of the last step that held: "sustained" (msgs/s delivered), "p99" and
     * "cpuUs" (0, NaN, NaN when not even the first step held).
     */
    public static Map<String, Double> ramp(
            ChatLoad load, long serverPid, double startRate, Mode mode) {
        double rate = startRate;
        Map<String, Double> held =
                new HashMap<>(Map.of("sustained", 0.0, "p99", Double.NaN, "cpuUs", Double.NaN));
        Duration step = Duration.ofSeconds(mode.rampStepSeconds());
        while (rate <= mode.rampMaxRate()) {
            load.resetCounts();
            long cpuBefore = Children.cpuNanos(serverPid);
            long started = System.nanoTime();
            long sent = load.send(rate, step);
            boolean all = load.awaitDelivered(sent, Duration.ofSeconds(3));
            double seconds = (System.nanoTime() - started) / 1e9;
            long cpuAfter = Children.cpuNanos(serverPid);
            double p99 = load.latencies.ms(99);
            Progress.log(
                    Report.fmt(
                            "  ramp %.0f msg/s: delivered %d/%d, p99 %.2f ms",
                            rate, load.delivered.get(), sent, p99));
            if (!all || p99 > 50) {
                break;
            }
            long delivered = load.delivered.get();
            held.put("sustained", delivered / Math.max(seconds, step.toSeconds()));
            held.put("p99", p99);
            held.put("cpuUs", (cpuAfter - cpuBefore) / 1000.0 / Math.max(1, delivered));
            rate *= 1.25;
        }
        // let a backlog from the failing step drain before anything else runs
        Waits.sleep(3000);
        return held;
    }
}
