package id.oss.livechat.desktop.testing;

import id.oss.livechat.desktop.analytics.AnalyticsApi;
import id.oss.livechat.desktop.connection.ChatConnection;
import id.oss.livechat.desktop.connection.ServerAddress;
import id.oss.livechat.desktop.connection.StaffApi;
import id.oss.livechat.desktop.login.SignedIn;
import id.oss.livechat.desktop.shell.Ports;
import id.oss.livechat.desktop.tools.DeskToolsApi;
import id.oss.livechat.desktop.util.DesktopPlatform;
import id.oss.livechat.desktop.util.SaveDialog;

/** The desktop's ports, all fake: one API, one socket, one analytics source per test. */
public final class FakePorts implements Ports {
    public final FakeStaffApi api = new FakeStaffApi();
    public final FakeChatConnection socket = new FakeChatConnection();
    public final FakeAnalyticsApi analytics = new FakeAnalyticsApi();
    public final DesktopPlatform.Recording platform = new DesktopPlatform.Recording();
    public final FakeDeskToolsApi tools = new FakeDeskToolsApi();

    /** Where exports go: set by a test that saves one. */
    public volatile SaveDialog saveDialog = SaveDialog.NONE;

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
    public DeskToolsApi deskToolsApi(SignedIn signedIn) {
        return tools;
    }

    @Override
    public SaveDialog saveDialog() {
        return saveDialog;
    }

    @Override
    public DesktopPlatform platform() {
        return platform;
    }
}
