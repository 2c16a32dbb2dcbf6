package id.oss.livechat.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.connection.ApiException;
import id.oss.livechat.desktop.connection.ServerAddress;
import id.oss.livechat.desktop.connection.ServerHealth;
import id.oss.livechat.desktop.connection.ServerUnreachableException;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.testing.FakeStaffApi;
import id.oss.livechat.desktop.testing.MemorySettings;
import id.oss.livechat.desktop.util.Background;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginViewModelTest {
    private final FakeStaffApi api = new FakeStaffApi();
    private final MemorySettings settings = new MemorySettings();
    private final List<SignedIn> signedIn = new ArrayList<>();
    private final List<ServerAddress> addresses = new ArrayList<>();
    private LoginViewModel login;

    @BeforeEach
    void setUp() {
        login = newLogin(new Localization(AppLanguage.ENGLISH));
    }

    private LoginViewModel newLogin(Localization i18n) {
        return new LoginViewModel(
                address -> {
                    addresses.add(address);
                    return api;
                },
                Background.sameThread(),
                settings,
                i18n,
                "0.1.0-SNAPSHOT",
                signedIn::add);
    }

    private void fill(String server, String user, String password) {
        login.serverAddressProperty().set(server);
        login.usernameProperty().set(user);
        login.passwordProperty().set(password);
    }

    @Test
    void aSuccessfulSignInRemembersTheServerAndForgetsThePassword() {
        fill("localhost:8080", " agent1 ", "livechat-demo");

        login.signIn();

        assertThat(signedIn)
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.user().username()).isEqualTo("agent1");
                            assertThat(s.accessToken()).isEqualTo("token-agent1");
                        });
        assertThat(api.calls).containsExactly("health", "login agent1");
        assertThat(settings.serverAddress()).contains("http://localhost:8080");
        assertThat(login.passwordProperty().get()).isEmpty();
        assertThat(login.errorProperty().get()).isEmpty();
        assertThat(login.busyProperty().get()).isFalse();
    }

    @Test
    void aPasswordForPlainHttpToAnotherComputerIsSentOnlyAfterAWarning() {
        fill("http://chat.oss.local:9000", "agent1", "livechat-demo");

        login.signIn();

        assertThat(api.calls).as("nothing sent yet").isEmpty();
        assertThat(signedIn).isEmpty();
        assertThat(login.errorProperty().get())
                .isEqualTo(
                        new Localization(AppLanguage.ENGLISH)
                                .text("login.warning.http", "http://chat.oss.local:9000"));

        login.signIn();

        assertThat(api.calls).containsExactly("health", "login agent1");
        assertThat(signedIn).hasSize(1);
    }

    @Test
    void theRememberedServerIsFilledIn() {
        settings.setServerAddress("http://chat.oss.local:9000");

        assertThat(newLogin(new Localization(AppLanguage.ENGLISH)).serverAddressProperty().get())
                .isEqualTo("http://chat.oss.local:9000");
    }

    @Test
    void aWrongPasswordSaysSo() {
        api.loginFailure = new ApiException(401, "invalid_credentials", "wrong");
        fill("localhost:8080", "agent1", "salah");

        login.signIn();

        assertThat(login.errorProperty().get()).isEqualTo("Wrong user name or password.");
        assertThat(signedIn).isEmpty();
        assertThat(settings.serverAddress()).isEmpty();
    }

    @Test
    void tooManyAttemptsSaysToWait() {
        api.loginFailure = new ApiException(429, "rate_limited", null);
        fill("localhost:8080", "agent1", "salah");

        login.signIn();

        assertThat(login.errorProperty().get()).startsWith("Too many failed attempts");
    }

    @Test
    void anUnreachableServerIsNamed() {
        api.health =
                () -> {
                    throw new ServerUnreachableException("down", new ConnectException("refused"));
                };
        fill("localhost:9999", "agent1", "x");

        login.signIn();

        assertThat(login.errorProperty().get())
                .isEqualTo(
                        "The server http://localhost:9999 cannot be reached. Check the address and your network.");
        assertThat(api.calls).doesNotContain("login agent1");
    }

    @Test
    void aServerOfAnotherVersionIsRefusedBeforeThePasswordIsSent() {
        api.health = () -> new ServerHealth("ok", "0.2.0");
        fill("localhost:8080", "agent1", "livechat-demo");

        login.signIn();

        assertThat(login.errorProperty().get())
                .isEqualTo(
                        "The server runs version 0.2.0, this app is version 0.1.0-SNAPSHOT."
                                + " Use the desktop app that matches the server.");
        assertThat(api.calls).containsExactly("health");
    }

    @Test
    void somethingElseOnThatAddressIsNotTakenForAServer() {
        api.health =
                () -> {
                    throw new ApiException(404, "http_404", null);
                };
        fill("localhost:8080", "agent1", "x");

        login.signIn();

        assertThat(login.errorProperty().get())
                .isEqualTo("http://localhost:8080 is not an OSS LiveChat server.");
    }

    @Test
    void missingFieldsAreNamedAndNothingIsSent() {
        fill("", "agent1", "x");
        login.signIn();
        assertThat(login.errorProperty().get()).isEqualTo("Enter the server address.");

        fill("ftp://x", "agent1", "x");
        login.signIn();
        assertThat(login.errorProperty().get()).startsWith("That is not a server address.");

        fill("localhost:8080", "  ", "x");
        login.signIn();
        assertThat(login.errorProperty().get()).isEqualTo("Enter your user name.");

        fill("localhost:8080", "agent1", "");
        assertThat(login.canSignIn().get()).isFalse();
        login.signIn();
        assertThat(login.errorProperty().get()).isEqualTo("Enter your password.");

        assertThat(addresses).isEmpty();
        assertThat(api.calls).isEmpty();
    }

    @Test
    void errorsSpeakIndonesianByDefault() {
        login = newLogin(new Localization(AppLanguage.INDONESIAN));
        api.loginFailure = new ApiException(401, "invalid_credentials", "wrong");
        fill("localhost:8080", "agent1", "salah");

        login.signIn();

        assertThat(login.errorProperty().get()).isEqualTo("Nama pengguna atau kata sandi salah.");
    }

    @Test
    void versionsMatchOnMajorAndMinor() {
        assertThat(VersionCheck.compatible("0.1.0-SNAPSHOT", "0.1.7")).isTrue();
        assertThat(VersionCheck.compatible("0.1.0-SNAPSHOT", "0.1.0-SNAPSHOT")).isTrue();
        assertThat(VersionCheck.compatible("0.1.0", "1.1.0")).isFalse();
        assertThat(VersionCheck.compatible("0.1.0", "0.10.0")).isFalse();
        assertThat(VersionCheck.compatible("0.1.0", null)).isFalse();
        assertThat(VersionCheck.compatible("unknown", "0.1.0")).isFalse();
    }
}
