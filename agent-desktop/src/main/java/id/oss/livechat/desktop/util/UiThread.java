package id.oss.livechat.desktop.util;

/**
 * The one way onto the UI thread. Network callbacks (Tyrus threads, HTTP worker threads) and timers
 * hand every model change to it, so view-models are only ever touched by one thread: the JavaFX
 * thread in the app, the test's own thread in view-model tests.
 */
@FunctionalInterface
public interface UiThread {

    /** Runs {@code action} on the UI thread: now if already there, else soon after. */
    void run(Runnable action);

    /**
     * Runs {@code action} on the UI thread after what is queued there now, even when called from
     * it: for work that needs the scene laid out first (where a list has put its new cells).
     */
    default void later(Runnable action) {
        run(action);
    }

    /** The JavaFX application thread. */
    static UiThread fx() {
        return FxUiThread.INSTANCE;
    }

    /** The caller's own thread: for view-model tests, which then need no toolkit and no waiting. */
    static UiThread sameThread() {
        return Runnable::run;
    }
}
