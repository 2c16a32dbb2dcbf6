package id.oss.livechat.desktop;

import javafx.application.Application;

/**
 * Starts the desktop. It does not extend {@code Application}: launched from a class that does, the
 * JavaFX runtime refuses to start from the classpath ("JavaFX runtime components are missing").
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        Application.launch(DesktopApp.class, args);
    }
}
