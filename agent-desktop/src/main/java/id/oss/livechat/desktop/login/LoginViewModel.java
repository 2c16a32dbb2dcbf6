package id.oss.livechat.desktop.login;

import id.oss.livechat.desktop.connection.ServerAddress;
import id.oss.livechat.desktop.connection.ServerHealth;
import id.oss.livechat.desktop.connection.StaffApi;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.desktop.util.Settings;
import id.oss.livechat.model.staff.LoginResponse;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Sign-in: the server's address (remembered), user name and password. It checks the server is there
 * and of our version before sending the password, and turns every failure into a clear sentence.
 */
public final class LoginViewModel {
    // Properties
    private final StringProperty serverAddress = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canSignIn;

    private final Function<ServerAddress, StaffApi> apis;
    private final Background background;
    private final Settings settings;
    private final Localization i18n;
    private final String desktopVersion;
    private final Consumer<SignedIn> onSignedIn;
    // the plain-http address the agent was warned about: signing in again sends the password
    private String warnedAbout;

    public LoginViewModel(
            Function<ServerAddress, StaffApi> apis,
            Background background,
            Settings settings,
            Localization i18n,
            String desktopVersion,
            Consumer<SignedIn> onSignedIn) {
        this.apis = apis;
        this.background = background;
        this.settings = settings;
        this.i18n = i18n;
        this.desktopVersion = desktopVersion;
        this.onSignedIn = onSignedIn;
        serverAddress.set(settings.serverAddress().orElse("http://localhost:8080"));
        canSignIn =
                Bindings.createBooleanBinding(
                        () ->
                                !busy.get()
                                        && !serverAddress.get().isBlank()
                                        && !username.get().isBlank()
                                        && !password.get().isEmpty(),
                        busy,
                        serverAddress,
                        username,
                        password);
    }

    public StringProperty serverAddressProperty() {
        return serverAddress;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** Empty, or the one sentence that says what went wrong. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canSignIn() {
        return canSignIn;
    }

    public String desktopVersion() {
        return desktopVersion;
    }

    // Commands

    /** Shows a sentence where sign-in errors show: why the agent was signed out. */
    public void tell(String notice) {
        error.set(notice);
    }

    public void signIn() {
        if (busy.get()) {
            return;
        }
        String problem = validate();
        if (!problem.isEmpty()) {
            error.set(problem);
            return;
        }
        ServerAddress server = ServerAddress.parse(serverAddress.get()).orElseThrow();
        if (server.sendsPasswordsInClear() && !server.toString().equals(warnedAbout)) {
            // warn before the password leaves in clear; a second click means the agent knows
            warnedAbout = server.toString();
            error.set(i18n.text("login.warning.http", server.toString()));
            return;
        }
        String user = username.get().strip();
        String secret = password.get();
        error.set("");
        busy.set(true);
        StaffApi api = apis.apply(server);
        background.run(
                () -> signIn(api, user, secret),
                response -> {
                    busy.set(false);
                    password.set("");
                    settings.setServerAddress(server.toString());
                    onSignedIn.accept(new SignedIn(server, response, api));
                },
                failure -> {
                    busy.set(false);
                    error.set(
                            LoginErrors.describe(failure, server.toString(), desktopVersion, i18n));
                });
    }

    /** Empty when the fields can be sent; else what to fix first. */
    String validate() {
        if (serverAddress.get().isBlank()) {
            return i18n.text("login.validation.server");
        }
        if (ServerAddress.parse(serverAddress.get()).isEmpty()) {
            return i18n.text("login.validation.serverFormat");
        }
        if (username.get().isBlank()) {
            return i18n.text("login.validation.username");
        }
        if (password.get().isEmpty()) {
            return i18n.text("login.validation.password");
        }
        return "";
    }

    private LoginResponse signIn(StaffApi api, String user, String secret) {
        // before the password leaves the machine: is this our server, and of our version?
        ServerHealth health = api.health();
        if (!VersionCheck.compatible(desktopVersion, health.version())) {
            throw new IncompatibleServerException(health.version());
        }
        return api.login(user, secret);
    }
}
