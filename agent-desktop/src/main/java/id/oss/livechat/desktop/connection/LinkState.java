package id.oss.livechat.desktop.connection;

/** Where the staff socket is, as the connection banner tells it. */
public enum LinkState {
    /** Not started, or stopped by sign-out. */
    OFFLINE,
    /** First connection after sign-in. */
    CONNECTING,
    /** Authenticated: frames flow. */
    CONNECTED,
    /** Lost; waiting to try again. */
    RECONNECTING,
    /** The server refused the token (expired or revoked): only a new sign-in helps. */
    REJECTED
}
