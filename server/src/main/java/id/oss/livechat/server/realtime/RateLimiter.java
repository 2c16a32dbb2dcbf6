package id.oss.livechat.server.realtime;

/**
 * A token bucket: {@code burst} frames at once, refilled at {@code perSecond}. One per socket and
 * kind of frame, so a client that floods is throttled without starving the others. Not thread-safe
 * by itself: a socket's frames arrive one at a time.
 */
public final class RateLimiter {
    private final double perSecond;
    private final double burst;
    private double tokens;
    private long lastNanos;

    public RateLimiter(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = System.nanoTime();
    }

    public synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * perSecond);
        lastNanos = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
