package id.oss.livechat.desktop.fx;

import static id.oss.livechat.desktop.fx.FxDesk.eventually;
import static id.oss.livechat.desktop.fx.FxDesk.fx;
import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.connection.ApiException;
import id.oss.livechat.desktop.connection.ServerHealth;
import id.oss.livechat.desktop.i18n.AppLanguage;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LoginWindowTest {
    private final FxDesk desk = new FxDesk(AppLanguage.ENGLISH);

    @Start
    void start(Stage stage) {
        desk.showLogin(stage);
    }

    private void signIn(FxRobot robot, String password) {
        robot.clickOn("#username-field").write("agent1");
        robot.clickOn("#password-field").write(password);
        robot.clickOn("#sign-in-button");
    }

    private String error(FxRobot robot) {
        return fx(() -> robot.lookup("#login-error").queryAs(Label.class).getText());
    }

    @Test
    void aWrongPasswordIsShownOnTheLoginWindow(FxRobot robot) {
        desk.ports.api.loginFailure = new ApiException(401, "invalid_credentials", null);

        signIn(robot, "salah");

        eventually(() -> !robot.lookup("#login-error").queryAs(Label.class).getText().isEmpty());
        assertThat(error(robot)).isEqualTo("Wrong user name or password.");
        assertThat(fx(() -> robot.lookup("#login-error").queryAs(Label.class).isVisible()))
                .isTrue();
    }

    @Test
    void aServerOfAnotherVersionIsShownOnTheLoginWindow(FxRobot robot) {
        desk.ports.api.health = () -> new ServerHealth("ok", "0.3.1");

        signIn(robot, "livechat-demo");

        eventually(() -> !robot.lookup("#login-error").queryAs(Label.class).getText().isEmpty());
        assertThat(error(robot))
                .startsWith("The server runs version 0.3.1, this app is version 0.1.0-SNAPSHOT.");
    }

    @Test
    void signingInOpensTheMainWindow(FxRobot robot) {
        signIn(robot, "livechat-demo");

        eventually(() -> robot.lookup("#queue").tryQuery().isPresent());
        assertThat(desk.settings.serverAddress()).contains("http://localhost:8080");
    }
}
