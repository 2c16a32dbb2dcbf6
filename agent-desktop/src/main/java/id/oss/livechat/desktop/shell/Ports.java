package id.oss.livechat.desktop.shell;

import id.oss.livechat.desktop.analytics.AnalyticsApi;
import id.oss.livechat.desktop.connection.ChatConnection;
import id.oss.livechat.desktop.connection.ServerAddress;
import id.oss.livechat.desktop.connection.StaffApi;
import id.oss.livechat.desktop.login.SignedIn;

/**
 * Where the desktop meets the server. The app uses {@link #real()}; tests pass fakes, or the real
 * adapters against a test server.
 */
public interface Ports {
    StaffApi staffApi(ServerAddress server);

    ChatConnection chatConnection();

    AnalyticsApi analyticsApi(SignedIn signedIn);

    static Ports real() {
        return new RealPorts();
    }
}
