package id.oss.livechat.desktop.shell;

import id.oss.livechat.desktop.util.Notice;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import javafx.util.Duration;

/** The latest notice in the window's corner, for a few seconds. */
final class Toast extends Label {
    private final Attention attention;
    private final PauseTransition hide = new PauseTransition(Duration.seconds(5));
    private final ChangeListener<Notice> onNotice = (obs, old, now) -> show(now);

    Toast(Attention attention) {
        this.attention = attention;
        setId("toast");
        getStyleClass().add("toast");
        setWrapText(true);
        setVisible(false);
        setMouseTransparent(true);
        hide.setOnFinished(e -> setVisible(false));
        attention.latestProperty().addListener(onNotice);
    }

    private void show(Notice notice) {
        if (notice == null) {
            return;
        }
        getStyleClass().removeAll("toast-info", "toast-warning", "toast-error");
        getStyleClass().add("toast-" + notice.kind().name().toLowerCase(java.util.Locale.ROOT));
        setText(notice.text());
        setVisible(true);
        hide.playFromStart();
    }

    void dispose() {
        attention.latestProperty().removeListener(onNotice);
        hide.stop();
    }
}
