package id.oss.livechat.desktop.login;

/** The server runs a version whose contract this desktop does not speak. */
final class IncompatibleServerException extends RuntimeException {
    private final String serverVersion;

    IncompatibleServerException(String serverVersion) {
        super("server version " + serverVersion);
        this.serverVersion = serverVersion;
    }

    String serverVersion() {
        return serverVersion;
    }
}
