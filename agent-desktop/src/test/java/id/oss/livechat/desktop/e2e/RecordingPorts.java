package id.oss.livechat.desktop.e2e;

import id.oss.livechat.desktop.analytics.AnalyticsApi;
import id.oss.livechat.desktop.connection.ChatConnection;
import id.oss.livechat.desktop.connection.ServerAddress;
import id.oss.livechat.desktop.connection.StaffApi;
import id.oss.livechat.desktop.login.SignedIn;
import id.oss.livechat.desktop.shell.Ports;
import id.oss.livechat.desktop.util.DesktopPlatform;

/**
 * The real ports (HTTP, the Tyrus socket) against the test's server, but an operating system that
 * only records: links the agent clicks and notifications are observed, no browser starts.
 */
final class RecordingPorts implements Ports {
    final DesktopPlatform.Recording platform = new DesktopPlatform.Recording();
    private final Ports real = Ports.real();

    @Override
    public StaffApi staffApi(ServerAddress server) {
        return real.staffApi(server);
    }

    @Override
    public ChatConnection chatConnection() {
        return real.chatConnection();
    }

    @Override
    public AnalyticsApi analyticsApi(SignedIn signedIn) {
        return real.analyticsApi(signedIn);
    }

    @Override
    public DesktopPlatform platform() {
        return platform;
    }
}
