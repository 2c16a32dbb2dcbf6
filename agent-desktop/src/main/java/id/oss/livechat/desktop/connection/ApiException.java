package id.oss.livechat.desktop.connection;

/** The server answered with an error: its HTTP status and the {@code error} code of its body. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String error;

    public ApiException(int status, String error, String message) {
        super(status + " " + error + (message == null ? "" : ": " + message));
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    /** The machine code, such as {@code invalid_credentials} or {@code session_not_waiting}. */
    public String error() {
        return error;
    }
}
