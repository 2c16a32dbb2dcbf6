package id.oss.livechat.desktop.shell;

import id.oss.livechat.desktop.analytics.AnalyticsApi;
import id.oss.livechat.desktop.analytics.HttpAnalyticsApi;
import id.oss.livechat.desktop.connection.ChatConnection;
import id.oss.livechat.desktop.connection.HttpStaffApi;
import id.oss.livechat.desktop.connection.ServerAddress;
import id.oss.livechat.desktop.connection.StaffApi;
import id.oss.livechat.desktop.connection.TyrusChatConnection;
import id.oss.livechat.desktop.login.SignedIn;
import id.oss.livechat.desktop.tools.DeskToolsApi;
import id.oss.livechat.desktop.tools.HttpDeskToolsApi;
import id.oss.livechat.desktop.util.DesktopPlatform;
import id.oss.livechat.desktop.util.FileChooserOpenDialog;
import id.oss.livechat.desktop.util.FileChooserSaveDialog;
import id.oss.livechat.desktop.util.OpenDialog;
import id.oss.livechat.desktop.util.SaveDialog;
import id.oss.livechat.desktop.util.SystemDesktopPlatform;
import java.util.function.Consumer;

/** The real adapters: HTTP over java.net.http, the socket over Tyrus, the system's services. */
final class RealPorts implements Ports {
    private final DesktopPlatform platform;

    RealPorts(Consumer<String> showDocument) {
        this.platform = new SystemDesktopPlatform(showDocument);
    }

    @Override
    public DesktopPlatform platform() {
        return platform;
    }

    @Override
    public StaffApi staffApi(ServerAddress server) {
        return new HttpStaffApi(server);
    }

    @Override
    public ChatConnection chatConnection() {
        return new TyrusChatConnection();
    }

    @Override
    public DeskToolsApi deskToolsApi(SignedIn signedIn) {
        if (signedIn.api() instanceof HttpStaffApi http) {
            return new HttpDeskToolsApi(http.http()); // same client, same token
        }
        throw new IllegalStateException("the desk's tools need the HTTP staff API");
    }

    @Override
    public SaveDialog saveDialog() {
        return new FileChooserSaveDialog();
    }

    @Override
    public OpenDialog openDialog() {
        return new FileChooserOpenDialog("PDF, PNG, JPEG, WebP");
    }

    @Override
    public AnalyticsApi analyticsApi(SignedIn signedIn) {
        if (signedIn.api() instanceof HttpStaffApi http) {
            return new HttpAnalyticsApi(http.http()); // same client, same token
        }
        throw new IllegalStateException("analytics needs the HTTP staff API");
    }
}
