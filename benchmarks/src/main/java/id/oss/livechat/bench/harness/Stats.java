package id.oss.livechat.bench.harness;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A round's figures are a map (name to value, e.g. "p99" to milliseconds); a scenario reports the
 * median of its rounds.
 */
public final class Stats {
    private Stats() {}

    /** p50, p95, p99 and p99.9 in milliseconds, and the count. */
    public static Map<String, Double> percentiles(Latencies latencies) {
        Map<String, Double> figures = new HashMap<>();
        figures.put("p50", latencies.ms(50));
        figures.put("p95", latencies.ms(95));
        figures.put("p99", latencies.ms(99));
        figures.put("p99.9", latencies.ms(99.9));
        figures.put("count", (double) latencies.count());
        return figures;
    }

    /** Per figure, the median over rounds. */
    public static Map<String, Double> median(List<Map<String, Double>> rounds) {
        Map<String, Double> out = new HashMap<>();
        if (rounds.isEmpty()) {
            return out;
        }
        for (String key : rounds.get(0).keySet()) {
            double[] sorted =
                    rounds.stream()
                            .mapToDouble(round -> round.getOrDefault(key, Double.NaN))
                            .sorted()
                            .toArray();
            int middle = sorted.length / 2;
            out.put(
                    key,
                    sorted.length % 2 == 1
                            ? sorted[middle]
                            : (sorted[middle - 1] + sorted[middle]) / 2);
        }
        return out;
    }
}
