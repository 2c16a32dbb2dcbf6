package id.oss.livechat.desktop.login;

import id.oss.livechat.desktop.connection.ApiException;
import id.oss.livechat.desktop.connection.ServerUnreachableException;
import id.oss.livechat.desktop.i18n.Localization;

/** What a failed sign-in means, in words an agent can act on. */
final class LoginErrors {
    private LoginErrors() {}

    static String describe(
            Throwable error, String server, String desktopVersion, Localization i18n) {
        if (error instanceof IncompatibleServerException incompatible) {
            return i18n.text("login.error.version", incompatible.serverVersion(), desktopVersion);
        }
        if (error instanceof ServerUnreachableException) {
            return i18n.text("login.error.unreachable", server);
        }
        if (error instanceof ApiException api) {
            if (api.status() == 401) {
                return i18n.text("login.error.credentials");
            }
            if (api.status() == 429) {
                return i18n.text("login.error.tooMany");
            }
            if (api.status() == 404 || "unreadable_response".equals(api.error())) {
                return i18n.text("login.error.notLiveChat", server);
            }
            if (api.status() == 403) {
                return i18n.text("login.error.disabled");
            }
            return i18n.text("login.error.server", api.status());
        }
        return i18n.text("login.error.unexpected");
    }
}
