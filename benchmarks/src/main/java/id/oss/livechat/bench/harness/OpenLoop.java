package id.oss.livechat.bench.harness;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop schedule: send number {@code i} is intended at {@code start + i / rate}, whatever
 * happened to earlier sends. A late generator catches up without moving the schedule, and the
 * latency of every send counts from its intended time.
 */
public final class OpenLoop {
    /** Gets one send: its number and the {@link System#nanoTime()} it was intended for. */
    public interface Send {
        void send(long index, long intendedNanos);
    }

    private OpenLoop() {}

    /** Runs on the calling thread; returns how many sends were made. */
    public static long run(double perSecond, Duration duration, Send send) {
        long total = (long) (perSecond * duration.toNanos() / 1e9);
        double interval = 1e9 / perSecond;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long intended = start + (long) (i * interval);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            send.send(i, intended);
        }
        return total;
    }
}
