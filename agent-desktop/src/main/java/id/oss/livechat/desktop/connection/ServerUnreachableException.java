package id.oss.livechat.desktop.connection;

/** No answer: wrong address, server down, network gone, or too slow. */
public final class ServerUnreachableException extends RuntimeException {
    public ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
