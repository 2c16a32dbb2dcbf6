package id.oss.livechat.desktop.shell;

import id.oss.livechat.desktop.analytics.AnalyticsApi;
import id.oss.livechat.desktop.audit.AuditApi;
import id.oss.livechat.desktop.audit.HttpAuditApi;
import id.oss.livechat.desktop.chat.AttachmentApi;
import id.oss.livechat.desktop.chat.HttpAttachmentApi;
import id.oss.livechat.desktop.connection.ChatConnection;
import id.oss.livechat.desktop.connection.HttpStaffApi;
import id.oss.livechat.desktop.connection.ServerAddress;
import id.oss.livechat.desktop.connection.StaffApi;
import id.oss.livechat.desktop.hours.HoursApi;
import id.oss.livechat.desktop.hours.HttpHoursApi;
import id.oss.livechat.desktop.login.SignedIn;
import id.oss.livechat.desktop.privacy.ErasureApi;
import id.oss.livechat.desktop.privacy.HttpErasureApi;
import id.oss.livechat.desktop.tools.DeskToolsApi;
import id.oss.livechat.desktop.util.DesktopPlatform;
import id.oss.livechat.desktop.util.OpenDialog;
import id.oss.livechat.desktop.util.SaveDialog;
import java.util.function.Consumer;

/**
 * Where the desktop meets the server. The app uses {@link #real()}; tests pass fakes, or the real
 * adapters against a test server.
 */
public interface Ports {
    StaffApi staffApi(ServerAddress server);

    ChatConnection chatConnection();

    AnalyticsApi analyticsApi(SignedIn signedIn);

    /** Canned replies, tags, close reasons and search, for the signed-in staff member. */
    DeskToolsApi deskToolsApi(SignedIn signedIn);

    /** Where an export is saved: the system's file chooser; tests record what was asked. */
    default SaveDialog saveDialog() {
        return SaveDialog.NONE;
    }

    /**
     * The departments' opening hours (the admins' editor), over the signed-in HTTP client; a client
     * without one cannot reach them.
     */
    default HoursApi hoursApi(SignedIn signedIn) {
        return signedIn.api() instanceof HttpStaffApi http
                ? new HttpHoursApi(http.http())
                : HoursApi.UNAVAILABLE;
    }

    /** Which file to send into a chat: the system's file chooser; tests supply the file. */
    default OpenDialog openDialog() {
        return OpenDialog.NONE;
    }

    /** Files in chats, over the signed-in HTTP client. */
    default AttachmentApi attachmentApi(SignedIn signedIn) {
        return signedIn.api() instanceof HttpStaffApi http
                ? new HttpAttachmentApi(http.http())
                : AttachmentApi.UNAVAILABLE;
    }

    /** The audit trail (admins), over the signed-in HTTP client; without one it cannot be read. */
    default AuditApi auditApi(SignedIn signedIn) {
        return signedIn.api() instanceof HttpStaffApi http
                ? new HttpAuditApi(http.http())
                : AuditApi.UNAVAILABLE;
    }

    /** Erasing a visitor's data (admins), over the signed-in HTTP client. */
    default ErasureApi erasureApi(SignedIn signedIn) {
        return signedIn.api() instanceof HttpStaffApi http
                ? new HttpErasureApi(http.http())
                : ErasureApi.UNAVAILABLE;
    }

    /** Notifications, the taskbar's attention, the browser; none unless a port provides them. */
    default DesktopPlatform platform() {
        return DesktopPlatform.NONE;
    }

    static Ports real() {
        return new RealPorts(null);
    }

    /**
     * @param showDocument the application's {@code HostServices::showDocument}, to open links
     */
    static Ports real(Consumer<String> showDocument) {
        return new RealPorts(showDocument);
    }
}
