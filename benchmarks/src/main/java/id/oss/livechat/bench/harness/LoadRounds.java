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
            MessageLoad load, List<Long> serverPids, double rate, Duration window) {
        load.resetCounts();
        long cpuBefore = serverPids.stream().mapToLong(Children::cpuNanos).sum();
        long sent = load.send(rate, window);
        load.awaitDelivered(sent, Duration.ofSeconds(10));
        long cpuAfter = serverPids.stream().mapToLong(Children::cpuNanos).sum();
        Map<String, Double> figures = Stats.percentiles(load.latencies());
        figures.put("deliveredShare", load.delivered() / (double) sent);
        figures.put("cpuUs", (cpuAfter - cpuBefore) / 1000.0 / Math.max(1, load.delivered()));
        return figures;
    }

    /**
     * Rates up by a quarter each step from {@code startRate} until p99 passes 50 ms or messages go
     * missing; the figures of the last step that held: "sustained" (msgs/s delivered), "p99" and
     * "cpuUs" (0, NaN, NaN when not even the first step held), and "capped" (1 when even the mode's
     * highest rate held).
     */
    public static Map<String, Double> ramp(
            MessageLoad load, long serverPid, double startRate, Mode mode) {
        return ramp(load, List.of(serverPid), startRate, mode);
    }

    /** The ramp, with the CPU of all of {@code serverPids} (a cluster's processes) per message. */
    public static Map<String, Double> ramp(
            MessageLoad load, List<Long> serverPids, double startRate, Mode mode) {
        double rate = startRate;
        Map<String, Double> held =
                new HashMap<>(Map.of("sustained", 0.0, "p99", Double.NaN, "cpuUs", Double.NaN));
        Duration step = Duration.ofSeconds(mode.rampStepSeconds());
        while (rate <= mode.rampMaxRate()) {
            load.resetCounts();
            long cpuBefore = serverPids.stream().mapToLong(Children::cpuNanos).sum();
            long started = System.nanoTime();
            long sent = load.send(rate, step);
            boolean all = load.awaitDelivered(sent, Duration.ofSeconds(3));
            double seconds = (System.nanoTime() - started) / 1e9;
            long cpuAfter = serverPids.stream().mapToLong(Children::cpuNanos).sum();
            double p99 = load.latencies().ms(99);
            Progress.log(
                    Report.fmt(
                            "  ramp %.0f msg/s: delivered %d/%d, p99 %.2f ms",
                            rate, load.delivered(), sent, p99));
            if (!all || p99 > 50) {
                break;
            }
            long delivered = load.delivered();
            held.put("sustained", delivered / Math.max(seconds, step.toSeconds()));
            held.put("p99", p99);
            held.put("cpuUs", (cpuAfter - cpuBefore) / 1000.0 / Math.max(1, delivered));
            rate *= 1.25;
        }
        // 1 when every step held up to the mode's highest rate: the limit lies beyond the ramp
        held.put("capped", rate > mode.rampMaxRate() ? 1.0 : 0.0);
        // let a backlog from the failing step drain before anything else runs
        Waits.sleep(3000);
        return held;
    }
}
