package id.oss.livechat.desktop.connection;

/**
 * The server answered with an error: its HTTP status, and the {@code error} code and {@code
 * message} of the contract's error body ({@code {"error": "agent_at_capacity", "message": "…"}}).
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String error;
    private final String serverMessage;
    private final java.util.Map<String, String> fields;

    public ApiException(int status, String error, String message) {
        this(status, error, message, java.util.Map.of());
    }

    /**
     * @param fields the refused fields of a {@code 400 validation_failed}, each with the server's
     *     reason ({@code "schedule.tuesday": "08:00–12:00 overlaps 11:00–16:00"})
     */
    public ApiException(
            int status, String error, String message, java.util.Map<String, String> fields) {
        super(status + " " + error + (message == null ? "" : ": " + message));
        this.status = status;
        this.error = error;
        this.serverMessage = message;
        this.fields = fields == null ? java.util.Map.of() : java.util.Map.copyOf(fields);
    }

    /** The refused fields and the server's reasons; empty unless the server named fields. */
    public java.util.Map<String, String> fields() {
        return fields;
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
