package id.oss.livechat.desktop.util;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@link Scheduler} on one daemon timer thread; the tasks themselves run on the UI thread. */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
    private final ScheduledExecutorService timer;
    private final UiThread ui;

    public ExecutorScheduler(UiThread ui) {
        this.ui = ui;
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "desktop-timer");
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future =
                timer.schedule(() -> ui.run(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public Cancellable every(Duration period, Runnable task) {
        long millis = period.toMillis();
        ScheduledFuture<?> future =
                timer.scheduleAtFixedRate(
                        () -> ui.run(task), millis, millis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
