package id.oss.livechat.desktop.util;

import javafx.application.Platform;

/** {@link UiThread} on JavaFX: runs at once on the FX thread, else queues with runLater. */
final class FxUiThread implements UiThread {
    static final FxUiThread INSTANCE = new FxUiThread();

    private FxUiThread() {}

    @Override
    public void run(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void later(Runnable action) {
        Platform.runLater(action);
    }
}
