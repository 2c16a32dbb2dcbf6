package id.oss.livechat.desktop.util;

import java.awt.Desktop;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.Taskbar;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@link DesktopPlatform} on the real system, every feature guarded: what the system lacks is
 * skipped, never an error. Notifications go through {@code notify-send} on Linux (the desktop's own
 * notifications) and the AWT system tray elsewhere; the attention hint through AWT's {@link
 * Taskbar} where supported (the dock on macOS, the taskbar on Windows); links through the JavaFX
 * host services, else AWT's {@link Desktop}. Slow calls run off the UI thread.
 */
public final class SystemDesktopPlatform implements DesktopPlatform {
    private static final System.Logger LOG =
            System.getLogger(SystemDesktopPlatform.class.getName());
    private static final String APP = "OSS LiveChat";

    private final Consumer<String> showDocument;
    private final String notifySend = onPath("notify-send");
    private TrayIcon trayIcon; // AWT thread only

    /**
     * @param showDocument the JavaFX application's {@code HostServices::showDocument}, or null
     */
    public SystemDesktopPlatform(Consumer<String> showDocument) {
        this.showDocument = showDocument;
    }

    @Override
    public void notify(String title, String text) {
        if (notifySend != null) {
            run(notifySend, "--app-name=" + APP, title, text);
        } else if (awtAvailable() && SystemTray.isSupported()) {
            EventQueue.invokeLater(() -> trayMessage(title, text));
        }
    }

    @Override
    public void requestAttention() {
        if (!awtAvailable()) {
            return;
        }
        EventQueue.invokeLater(
                () -> {
                    try {
                        if (Taskbar.isTaskbarSupported()
                                && Taskbar.getTaskbar()
                                        .isSupported(Taskbar.Feature.USER_ATTENTION)) {
                            Taskbar.getTaskbar().requestUserAttention(true, false);
                        }
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.DEBUG, "no taskbar attention here", e);
                    }
                });
    }

    @Override
    public void openLink(URI link) {
        String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return; // the view offers only these; nothing else is ever handed to the system
        }
        if (showDocument != null) {
            showDocument.accept(link.toString());
            return;
        }
        inBackground(
                () -> {
                    try {
                        if (awtAvailable()
                                && Desktop.isDesktopSupported()
                                && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                            Desktop.getDesktop().browse(link);
                        } else if (onPath("xdg-open") != null) {
                            new ProcessBuilder("xdg-open", link.toString()).start();
                        }
                    } catch (IOException | RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "could not open " + link, e);
                    }
                });
    }

    @Override
    public void openFile(Path file) {
        if (showDocument != null) {
            showDocument.accept(file.toUri().toString());
            return;
        }
        inBackground(
                () -> {
                    try {
                        if (awtAvailable()
                                && Desktop.isDesktopSupported()
                                && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                            Desktop.getDesktop().open(file.toFile());
                        } else if (onPath("xdg-open") != null) {
                            new ProcessBuilder("xdg-open", file.toString()).start();
                        }
                    } catch (IOException | RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "could not open " + file, e);
                    }
                });
    }

    private static void inBackground(Runnable work) {
        Thread thread = new Thread(work, "desktop-platform");
        thread.setDaemon(true);
        thread.start();
    }

    private void trayMessage(String title, String text) {
        try {
            if (trayIcon == null) {
                trayIcon =
                        new TrayIcon(new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB), APP);
                trayIcon.setImageAutoSize(true);
                SystemTray.getSystemTray().add(trayIcon);
            }
            trayIcon.displayMessage(title, text, TrayIcon.MessageType.INFO);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "no system tray here", e);
        }
    }

    private static boolean awtAvailable() {
        return !GraphicsEnvironment.isHeadless();
    }

    private static void run(String... command) {
        inBackground(
                () -> {
                    try {
                        new ProcessBuilder(command).redirectErrorStream(true).start();
                    } catch (IOException e) {
                        LOG.log(System.Logger.Level.DEBUG, "could not run " + command[0], e);
                    }
                });
    }

    /** The program's path when it is installed, else null. */
    private static String onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null || System.getProperty("os.name", "").startsWith("Windows")) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, program);
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }
}
