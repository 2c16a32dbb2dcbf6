package id.oss.livechat.desktop.connection;

import java.net.URI;

/**
 * The port to the staff WebSocket: one socket at a time, JSON text in and out. It knows nothing of
 * frames, tokens or reconnecting; {@link LiveLink} does that on top, so the adapter stays small and
 * a test can stand in for the server with a fake.
 */
public interface ChatConnection {

    /**
     * Starts opening a socket to {@code endpoint} without blocking the caller. Events of this
     * socket go to {@code listener}, from any thread. A failed attempt ends with {@link
     * Listener#onClosed}.
     */
    void open(URI endpoint, Listener listener);

    /** Sends a text frame on the open socket; false when there is none. */
    boolean send(String text);

    /** Closes the socket on purpose (sign-out); the listener still hears {@code onClosed}. */
    void close();

    /** What happens on one socket. */
    interface Listener {
        void onOpen();

        void onText(String text);

        /** The socket closed or could not open; {@code code} as in RFC 6455 (1006: abnormal). */
        void onClosed(int code, String reason);
    }

    /** RFC 6455 codes the desktop reacts to. */
    int CLOSE_NORMAL = 1000;

    int CLOSE_GOING_AWAY = 1001;
    int CLOSE_ABNORMAL = 1006;
}
