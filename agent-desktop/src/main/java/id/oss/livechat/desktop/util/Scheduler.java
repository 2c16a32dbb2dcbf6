package id.oss.livechat.desktop.util;

import java.time.Duration;

/**
 * Runs a task later on the UI thread: reconnect back-off and the waiting-time ticker. Tests use a
 * manual one and decide when time passes, so they never sleep.
 */
public interface Scheduler {

    /** Runs {@code task} on the UI thread after {@code delay}; the answer cancels it. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} on the UI thread every {@code period}. */
    Cancellable every(Duration period, Runnable task);

    /** A scheduled task that has not run yet can be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
