package id.oss.livechat.desktop.shell;

import id.oss.livechat.desktop.login.LoginView;
import id.oss.livechat.desktop.login.LoginViewModel;
import id.oss.livechat.desktop.login.SignedIn;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The one window: the login first, the main screen after sign-in, the login again after sign-out. A
 * language change rebuilds the current screen on the same view-model, so nothing typed is lost.
 */
public final class DesktopShell {
    /** The share of the screen a window takes at most when it opens. */
    static final double SCREEN_SHARE = 0.95;

    static final String STYLESHEET =
            DesktopShell.class.getResource("/id/oss/livechat/desktop/theme.css").toExternalForm();

    private final Stage stage;
    private final DesktopContext context;
    private LoginViewModel login;
    private MainViewModel main;
    private MainView mainView;

    public DesktopShell(Stage stage, DesktopContext context) {
        this.stage = stage;
        this.context = context;
        stage.titleProperty().unbind(); // a window that showed another shell before (tests)
        stage.setTitle(Attention.APP_TITLE);
        // closing the window with chats running hands them back to the queue: ask first
        stage.addEventHandler(
                WindowEvent.WINDOW_CLOSE_REQUEST,
                event -> {
                    if (mainView != null && !mainView.confirmLeaving()) {
                        event.consume();
                    }
                });
    }

    public void showLogin() {
        showLogin(null);
    }

    /**
     * The sign-in window, saying why the agent is there again when the server ended its session.
     */
    public void showLogin(String notice) {
        closeMain();
        login =
                new LoginViewModel(
                        context.ports()::staffApi,
                        context.background(),
                        context.settings(),
                        context.i18n(),
                        context.version(),
                        this::showMain);
        if (notice != null) {
            login.tell(notice);
        }
        showLoginView();
    }

    public void showMain(SignedIn signedIn) {
        main = new MainViewModel(signedIn, context, this::showLogin);
        login = null;
        showMainView();
        main.start();
    }

    /** The main screen's model, for tests that drive the app as a whole. */
    public MainViewModel mainViewModel() {
        return main;
    }

    /** The app is closing: the agent goes offline, the socket closes, the timers stop. */
    public void close() {
        if (main != null) {
            main.shutdown();
        }
        closeMain();
    }

    private void showLoginView() {
        setRoot(new LoginView(login, context.i18n(), this::languageChanged), 520, 600);
        setMinSize(420, 520);
    }

    private void showMainView() {
        if (mainView != null) {
            mainView.dispose();
        }
        mainView = new MainView(main, this::languageChanged);
        setRoot(mainView, 1280, 800);
        setMinSize(960, 600);
        mainView.bindWindowFocus(stage);
        // "(3) OSS LiveChat": the unread count shows in the taskbar too
        stage.titleProperty().bind(main.attention().windowTitle());
    }

    private void languageChanged() {
        context.settings().setLanguage(context.i18n().language().tag());
        if (main != null) {
            showMainView();
        } else if (login != null) {
            showLoginView();
        }
    }

    private void closeMain() {
        stage.titleProperty().unbind();
        stage.setTitle(Attention.APP_TITLE);
        if (mainView != null) {
            mainView.dispose();
            mainView = null;
        }
        main = null;
    }

    /**
     * Shows {@code root} at the size it wants, but never larger than the screen the window is on
     * (less a margin for the taskbar and the window's frame): a window that is larger than the
     * screen is shrunk by the window manager to whatever it likes, and its columns with it.
     */
    private void setRoot(Parent root, double width, double height) {
        Rectangle2D screen = screenOf(stage).getVisualBounds();
        double fitWidth = Math.min(width, screen.getWidth() * SCREEN_SHARE);
        double fitHeight = Math.min(height, screen.getHeight() * SCREEN_SHARE);
        if (stage.getScene() == null) {
            Scene scene = new Scene(root, fitWidth, fitHeight);
            scene.getStylesheets().add(STYLESHEET);
            stage.setScene(scene);
        } else {
            stage.getScene().setRoot(root);
            if (stage.getWidth() < fitWidth * 0.8) {
                stage.setWidth(fitWidth);
                stage.setHeight(fitHeight);
                stage.centerOnScreen();
            }
        }
    }

    /** The screen most of the window is on; the main screen before it was shown. */
    private static Screen screenOf(Stage stage) {
        if (Double.isNaN(stage.getX()) || stage.getWidth() <= 0 || Double.isNaN(stage.getWidth())) {
            return Screen.getPrimary();
        }
        return Screen.getScreensForRectangle(
                        stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())
                .stream()
                .findFirst()
                .orElse(Screen.getPrimary());
    }

    /** Minimum sizes no larger than the screen allows. */
    private void setMinSize(double width, double height) {
        Rectangle2D screen = screenOf(stage).getVisualBounds();
        stage.setMinWidth(Math.min(width, screen.getWidth() * SCREEN_SHARE));
        stage.setMinHeight(Math.min(height, screen.getHeight() * SCREEN_SHARE));
    }
}
