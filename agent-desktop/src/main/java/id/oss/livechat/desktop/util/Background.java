package id.oss.livechat.desktop.util;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (HTTP calls) away from the UI thread and reports back on it. View-models use
 * this instead of calling a port directly, so the FX thread never waits for the network.
 */
public interface Background {

    /**
     * Runs {@code work} off the UI thread; then {@code onSuccess} or {@code onFailure} on the UI
     * thread.
     */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs the work at once on the caller's thread: for view-model tests. */
    static Background sameThread() {
        return new Background() {
            @Override
            public <T> void run(
                    Callable<T> work,
                    Consumer<? super T> onSuccess,
                    Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
