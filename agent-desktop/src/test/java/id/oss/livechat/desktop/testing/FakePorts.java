package id.oss.livechat.desktop.testing;

import id.oss.livechat.desktop.analytics.AnalyticsApi;
import id.oss.livechat.desktop.connection.ChatConnection;
import id.oss.livechat.desktop.connection.ServerAddress;
import id.oss.livechat.desktop.connection.StaffApi;
import id.oss.livechat.desktop.login.SignedIn;
import id.oss.livechat.desktop.shell.Ports;
import id.oss.livechat.desktop.util.DesktopPlatform;

/** The desktop's ports, all fake: one API, one socket, one analytics source per test. */
public final class FakePorts implements Ports {
    public final FakeStaffApi api = new FakeStaffApi();
    public final FakeChatConnection socket = new FakeChatConnection();
    public final FakeAnalyticsApi analytics = new FakeAnalyticsApi();
    public final DesktopPlatform.Recording platform = new DesktopPlatform.Recording();

    @Override
    public StaffApi staffApi(ServerAddress server) {
        return api;
    }

    @Override
    public ChatConnection chatConnection() {
        return socket;
    }

    @Override
    public AnalyticsApi analyticsApi(SignedIn signedIn) {
        return analytics;
    }

    @Override
    public DesktopPlatform platform() {
        return platform;
    }
}
