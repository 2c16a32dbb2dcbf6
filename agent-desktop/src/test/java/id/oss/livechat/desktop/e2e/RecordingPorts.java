package id.oss.livechat.desktop.e2e;

import id.oss.livechat.desktop.analytics.AnalyticsApi;
import id.oss.livechat.desktop.connection.ChatConnection;
import id.oss.livechat.desktop.connection.ServerAddress;
import id.oss.livechat.desktop.connection.StaffApi;
import id.oss.livechat.desktop.login.SignedIn;
import id.oss.livechat.desktop.shell.Ports;
import id.oss.livechat.desktop.tools.DeskToolsApi;
import id.oss.livechat.desktop.util.DesktopPlatform;
import id.oss.livechat.desktop.util.OpenDialog;
import id.oss.livechat.desktop.util.SaveDialog;

/**
 * The real ports (HTTP, the Tyrus socket) against the test's server, but an operating system that
 * only records: links the agent clicks and notifications are observed, no browser starts, and
 * exports are saved where the test says.
 */
final class RecordingPorts implements Ports {
    final DesktopPlatform.Recording platform = new DesktopPlatform.Recording();
    private final Ports real = Ports.real();

    /** Where exports go: a test's own folder, the names asked for recorded. */
    volatile SaveDialog saveDialog = SaveDialog.NONE;

    /** Which file the agent "chooses" to send: the files a test puts in, never a native dialog. */
    final OpenDialog.Recording openDialog = new OpenDialog.Recording();

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
    public DeskToolsApi deskToolsApi(SignedIn signedIn) {
        return real.deskToolsApi(signedIn);
    }

    @Override
    public SaveDialog saveDialog() {
        return saveDialog;
    }

    @Override
    public OpenDialog openDialog() {
        return openDialog;
    }

    @Override
    public DesktopPlatform platform() {
        return platform;
    }
}
