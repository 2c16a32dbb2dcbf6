package id.oss.livechat.desktop.connection;

/**
 * The server answered with an error: its HTTP status, and the {@code error} code and {@code
 * message} of the contract's error body ({@code {"error": "agent_at_capacity", "message": "…"}}).
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String error;
    private final String serverMessage;

    public ApiException(int status, String error, String message) {
        super(status + " " + error + (message == null ? "" : ": " + message));
        this.status = status;
        this.error = error;
        this.serverMessage = message;
    }

    public int status() {
        return status;
    }

    /** The machine code, such as {@code invalid_credentials} or {@code session_not_waiting}. */
    public String error() {
        return error;
    }

    /** The server's own sentence for people (English), or null when it gave none. */
    public String serverMessage() {
        return serverMessage;
    }
}
