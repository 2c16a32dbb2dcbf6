package id.oss.livechat.desktop.login;

import id.oss.livechat.desktop.connection.ServerAddress;
import id.oss.livechat.desktop.connection.StaffApi;
import id.oss.livechat.model.staff.LoginResponse;
import id.oss.livechat.model.staff.StaffProfile;

/**
 * A successful sign-in: the server, the token and who signed in, and the API that holds the token.
 */
public record SignedIn(ServerAddress server, LoginResponse login, StaffApi api) {
    public StaffProfile user() {
        return login.user();
    }

    public String accessToken() {
        return login.accessToken();
    }
}
