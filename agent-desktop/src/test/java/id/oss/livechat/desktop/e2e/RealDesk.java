package id.oss.livechat.desktop.e2e;

import static id.oss.livechat.desktop.fx.FxDesk.fx;

import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.shell.DesktopContext;
import id.oss.livechat.desktop.shell.DesktopShell;
import id.oss.livechat.desktop.shell.Ports;
import id.oss.livechat.desktop.testing.CountingSound;
import id.oss.livechat.desktop.util.AppVersion;
import id.oss.livechat.desktop.util.ExecutorBackground;
import id.oss.livechat.desktop.util.ExecutorScheduler;
import id.oss.livechat.desktop.util.Settings;
import id.oss.livechat.desktop.util.UiThread;
import java.time.Clock;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/**
 * The desktop app as a person starts it, for an end-to-end test against a {@link RealServer}: the
 * sign-in window at 1366×820, with background work and timers of its own that {@link #close} stops.
 */
final class RealDesk {
    private final ExecutorBackground background = new ExecutorBackground(UiThread.fx());
    private final ExecutorScheduler scheduler = new ExecutorScheduler(UiThread.fx());
    private final DesktopShell shell;
    private final DeskDriver driver;

    /** On the FX thread (TestFX's {@code @Start}). */
    RealDesk(Stage stage, Ports ports, Localization i18n, Settings settings) {
        DesktopContext context =
                new DesktopContext(
                        ports,
                        i18n,
                        settings,
                        UiThread.fx(),
                        background,
                        scheduler,
                        Clock.systemUTC(),
                        new CountingSound(),
                        AppVersion.current());
        shell = new DesktopShell(stage, context);
        shell.showLogin();
        stage.setWidth(1366);
        stage.setHeight(820);
        stage.show();
        driver = new DeskDriver(new FxRobot(), shell, stage);
    }

    DesktopShell shell() {
        return shell;
    }

    DeskDriver driver() {
        return driver;
    }

    /** Closes the app as its window's close would, then stops its threads. */
    void close() {
        fx(
                () -> {
                    shell.close();
                    return null;
                });
        scheduler.close();
        background.close();
    }
}
