package id.oss.livechat.desktop.util;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * {@link Background} on a small pool of daemon threads, reporting back through {@link UiThread}.
 */
public final class ExecutorBackground implements Background, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ExecutorBackground.class.getName());

    private final ExecutorService executor;
    private final UiThread ui;

    public ExecutorBackground(UiThread ui) {
        this.ui = ui;
        // daemon threads: a slow request must never keep the app alive after its window closed
        this.executor =
                Executors.newFixedThreadPool(
                        4,
                        runnable -> {
                            Thread thread = new Thread(runnable, "desktop-background");
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    @Override
    public <T> void run(
            Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        executor.execute(
                () -> {
                    try {
                        T result = work.call();
                        ui.run(() -> onSuccess.accept(result));
                    } catch (Exception e) {
                        LOG.log(System.Logger.Level.DEBUG, "background work failed", e);
                        ui.run(() -> onFailure.accept(e));
                    }
                });
    }

    /** At exit: lets running work (the "offline" status call) finish for a moment, then stops. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(1500, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }
}
