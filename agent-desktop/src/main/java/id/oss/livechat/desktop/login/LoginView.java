package id.oss.livechat.desktop.login;

import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The sign-in card: builds the controls and binds them to {@link LoginViewModel}. */
public final class LoginView extends StackPane {
    /** Wide enough for the footer's version and language side by side, in either language. */
    static final double CARD_WIDTH = 440;

    public LoginView(LoginViewModel viewModel, Localization i18n, Runnable onLanguageChanged) {
        getStyleClass().add("login-root");

        Label brand = new Label("OSS LiveChat");
        brand.getStyleClass().add("login-brand");
        Label subtitle = new Label(i18n.text("login.subtitle"));
        subtitle.getStyleClass().add("muted");
        subtitle.setWrapText(true);

        TextField server = new TextField();
        server.setId("server-field");
        server.setPromptText("http://localhost:8080");
        server.textProperty().bindBidirectional(viewModel.serverAddressProperty());

        TextField username = new TextField();
        username.setId("username-field");
        username.setPromptText(i18n.text("login.username.prompt"));
        username.textProperty().bindBidirectional(viewModel.usernameProperty());

        PasswordField password = new PasswordField();
        password.setId("password-field");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());

        Label error = new Label();
        error.setId("login-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button signIn = new Button(i18n.text("login.signIn"));
        signIn.setId("sign-in-button");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add("primary");
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(viewModel.busyProperty());
        signIn.setOnAction(e -> viewModel.signIn());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        HBox action = new HBox(10, signIn, progress);
        action.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(signIn, Priority.ALWAYS);

        ComboBox<AppLanguage> language = new ComboBox<>();
        language.setId("language-choice");
        language.getItems().setAll(AppLanguage.values());
        language.setValue(i18n.language());
        language.setConverter(
                new StringConverter<>() {
                    @Override
                    public String toString(AppLanguage value) {
                        return value == null ? "" : value.nativeName();
                    }

                    @Override
                    public AppLanguage fromString(String text) {
                        return null;
                    }
                });
        language.valueProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (now != null && now != i18n.language()) {
                                i18n.setLanguage(now);
                                onLanguageChanged.run();
                            }
                        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label version = new Label(i18n.text("login.version", viewModel.desktopVersion()));
        version.setId("login-version");
        version.getStyleClass().add("muted");
        // the version and the language are read whole: neither gives way to the other
        version.setMinWidth(Region.USE_PREF_SIZE);
        language.setMinWidth(Region.USE_PREF_SIZE);
        HBox footer = new HBox(8, version, grow, language);
        footer.setAlignment(Pos.CENTER_LEFT);

        VBox card =
                new VBox(
                        6,
                        brand,
                        subtitle,
                        spacer(10),
                        fieldLabel(i18n.text("login.server"), server),
                        server,
                        fieldLabel(i18n.text("login.username"), username),
                        username,
                        fieldLabel(i18n.text("login.password"), password),
                        password,
                        spacer(6),
                        error,
                        action,
                        spacer(10),
                        footer);
        card.getStyleClass().add("login-card");
        card.setMaxSize(CARD_WIDTH, Region.USE_PREF_SIZE);
        getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
    }

    private static Label fieldLabel(String text, javafx.scene.Node field) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setLabelFor(field);
        return label;
    }

    private static Region spacer(double height) {
        Region region = new Region();
        region.setMinHeight(height);
        return region;
    }
}
