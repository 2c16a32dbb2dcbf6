package id.oss.livechat.bench.harness;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies in microseconds, each measured from the moment a send was <em>intended</em> by the
 * open-loop schedule, not when it actually went out: a stalled server then shows up in the figures
 * instead of silently slowing the load (no coordinated omission).
 */
public final class Latencies {
    private final Histogram histogram = new ConcurrentHistogram(3_600_000_000L, 3);

    public void recordSince(long intendedNanos) {
        record(System.nanoTime() - intendedNanos);
    }

    public void record(long nanos) {
        histogram.recordValue(Math.max(0, nanos / 1000));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The percentile in milliseconds. */
    public double ms(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    public double meanMs() {
        return histogram.getMean() / 1000.0;
    }

    public void reset() {
        histogram.reset();
    }

    public void add(Latencies other) {
        histogram.add(other.histogram);
    }
}
