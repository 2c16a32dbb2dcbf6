package id.oss.livechat.desktop.fx;

import static org.awaitility.Awaitility.await;

import id.oss.livechat.desktop.connection.ServerAddress;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.login.SignedIn;
import id.oss.livechat.desktop.shell.DesktopContext;
import id.oss.livechat.desktop.shell.DesktopShell;
import id.oss.livechat.desktop.testing.CountingSound;
import id.oss.livechat.desktop.testing.DemoData;
import id.oss.livechat.desktop.testing.FakePorts;
import id.oss.livechat.desktop.testing.ManualScheduler;
import id.oss.livechat.desktop.testing.MemorySettings;
import id.oss.livechat.desktop.testing.MutableClock;
import id.oss.livechat.desktop.util.ExecutorBackground;
import id.oss.livechat.desktop.util.UiThread;
import id.oss.livechat.model.staff.StaffProfile;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real windows on fake ports, for TestFX tests and screenshots. */
public final class FxDesk {
    public final FakePorts ports = new FakePorts();
    public final ManualScheduler scheduler = new ManualScheduler();
    public final MutableClock clock = new MutableClock(DemoData.NOW);
    public final MemorySettings settings = new MemorySettings();
    public final Localization i18n;
    public final DesktopContext context;
    public DesktopShell shell;

    public FxDesk(AppLanguage language) {
        i18n = new Localization(language);
        context =
                new DesktopContext(
                        ports,
                        i18n,
                        settings,
                        UiThread.fx(),
                        new ExecutorBackground(UiThread.fx()),
                        scheduler,
                        clock,
                        new CountingSound(),
                        "0.1.0-SNAPSHOT");
    }

    /** On the FX thread (TestFX's {@code @Start}): the login window. */
    public void showLogin(Stage stage) {
        shell = new DesktopShell(stage, context);
        shell.showLogin();
        stage.show();
    }

    /** On the FX thread: the main window, signed in as {@code user}. */
    public void showMain(Stage stage, StaffProfile user) {
        ports.api.user = user;
        shell = new DesktopShell(stage, context);
        shell.showMain(
                new SignedIn(
                        ServerAddress.parse("localhost:8080").orElseThrow(),
                        DemoData.login(user),
                        ports.api));
        stage.show();
    }

    /** Runs on the FX thread and returns what it found. */
    public static <T> T fx(Callable<T> query) {
        try {
            return WaitForAsyncUtils.asyncFx(query).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Shows the main window's tab {@code id} ("tab-board"), as a click on it would. */
    public static void selectTab(FxRobot robot, String id) {
        fx(
                () -> {
                    TabPane tabs = robot.lookup(".main-tabs").queryAs(TabPane.class);
                    tabs.getTabs().stream()
                            .filter(tab -> id.equals(tab.getId()))
                            .findFirst()
                            .ifPresentOrElse(
                                    tabs.getSelectionModel()::select,
                                    () -> {
                                        throw new AssertionError("no tab " + id);
                                    });
                    return null;
                });
    }

    /** Waits until {@code condition}, checked on the FX thread, holds. */
    public static void eventually(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> fx(condition));
    }
}
