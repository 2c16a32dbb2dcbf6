package id.oss.livechat.desktop;

import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.shell.DesktopContext;
import id.oss.livechat.desktop.shell.DesktopShell;
import id.oss.livechat.desktop.shell.Ports;
import id.oss.livechat.desktop.util.AppVersion;
import id.oss.livechat.desktop.util.ChimeSound;
import id.oss.livechat.desktop.util.ExecutorBackground;
import id.oss.livechat.desktop.util.ExecutorScheduler;
import id.oss.livechat.desktop.util.PreferencesSettings;
import id.oss.livechat.desktop.util.UiThread;
import java.time.Clock;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: builds the real context and hands the window to the shell. */
public final class DesktopApp extends Application {
    private ExecutorBackground background;
    private ExecutorScheduler scheduler;
    private DesktopShell shell;

    @Override
    public void start(Stage stage) {
        PreferencesSettings settings = new PreferencesSettings();
        Localization i18n = new Localization(AppLanguage.fromTag(settings.language().orElse("id")));
        background = new ExecutorBackground(UiThread.fx());
        scheduler = new ExecutorScheduler(UiThread.fx());
        DesktopContext context =
                new DesktopContext(
                        Ports.real(getHostServices()::showDocument),
                        i18n,
                        settings,
                        UiThread.fx(),
                        background,
                        scheduler,
                        Clock.systemUTC(),
                        new ChimeSound(),
                        AppVersion.current());
        shell = new DesktopShell(stage, context);
        shell.showLogin();
        stage.show();
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
        if (background != null) {
            background.close();
        }
    }
}
