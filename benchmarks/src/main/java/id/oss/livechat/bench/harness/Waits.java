package id.oss.livechat.bench.harness;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The harness's pauses: polling a condition between tries, and awaiting sockets' answers. */
public final class Waits {
    private Waits() {}

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to two minutes for {@code latch}; {@code what} names it when it times out. */
    public static void await(CountDownLatch latch, String what) {
        await(latch, what, Duration.ofSeconds(120));
    }

    public static void await(CountDownLatch latch, String what, Duration max) {
        try {
            if (!latch.await(max.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(
                        "timed out: " + what + " (" + latch.getCount() + " left)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
