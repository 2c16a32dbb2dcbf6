package id.oss.livechat.desktop.fx;

import static id.oss.livechat.desktop.fx.FxDesk.eventually;
import static id.oss.livechat.desktop.fx.FxDesk.fx;
import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.i18n.AppLanguage;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The login window as it first opens, in Indonesian: every word of its footer is there. */
@ExtendWith(ApplicationExtension.class)
class LoginWindowSizeTest {
    private final FxDesk desk = new FxDesk(AppLanguage.INDONESIAN);
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        desk.showLogin(stage);
    }

    /** What the label shows: its text, or the shortened one ("Versi 0.1.0-SNAPS…"). */
    static String shown(Labeled labeled) {
        Text text = (Text) labeled.lookup(".text");
        return text == null ? null : text.getText();
    }

    @Test
    void theVersionAndTheLanguageAreReadWholeAtTheDefaultSize(FxRobot robot) throws Exception {
        Label version = fx(() -> robot.lookup("#login-version").queryAs(Label.class));
        // the cell the closed combo box shows its choice in
        ListCell<?> language =
                fx(
                        () ->
                                (ListCell<?>)
                                        ((ComboBoxListViewSkin<?>)
                                                        robot.lookup("#language-choice")
                                                                .queryAs(ComboBox.class)
                                                                .getSkin())
                                                .getDisplayNode());

        eventually(() -> "Bahasa Indonesia".equals(language.getText()));
        assertThat(fx(() -> shown(version))).isEqualTo("Versi 0.1.0-SNAPSHOT");
        assertThat(fx(() -> shown(language))).isEqualTo("Bahasa Indonesia");
        Screenshots.save(stage, "desktop-login-default-size.png");
    }
}
