package id.oss.livechat.desktop.testing;

import id.oss.livechat.desktop.connection.ChatConnection;
import id.oss.livechat.desktop.util.Json;
import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.ServerFrame;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the server's staff socket: the test plays the server (opens, sends frames, closes)
 * and reads what the desktop sent. Frames travel as JSON, so the wire format is exercised too.
 */
public final class FakeChatConnection implements ChatConnection {
    private final List<String> sentTexts = new CopyOnWriteArrayList<>();
    private final List<URI> opened = new CopyOnWriteArrayList<>();
    private volatile Listener listener;
    private volatile boolean open;
    private volatile int closedByClient;

    @Override
    public void open(URI endpoint, Listener listener) {
        this.listener = listener;
        opened.add(endpoint);
    }

    @Override
    public boolean send(String text) {
        if (!open) {
            return false;
        }
        sentTexts.add(text);
        return true;
    }

    @Override
    public void close() {
        closedByClient++;
        if (open) {
            open = false;
            listener.onClosed(CLOSE_NORMAL, "client closed");
        }
    }

    // the server's side

    /** The socket opens; the desktop then sends its auth frame. */
    public void accept() {
        open = true;
        listener.onOpen();
    }

    /** Opens and answers the auth frame with auth.ok: the usual connect. */
    public void acceptAndAuthenticate() {
        accept();
        push(new ServerFrame.AuthOk(null, DemoData.AGENT));
    }

    public void push(ServerFrame frame) {
        listener.onText(Json.mapper().writeValueAsString(frame));
    }

    public void pushRaw(String text) {
        listener.onText(text);
    }

    /** The server or network drops the socket. */
    public void drop(int code) {
        open = false;
        listener.onClosed(code, "dropped");
    }

    /** The server closes the socket with a code and a reason (4401: why the token is no good). */
    public void drop(int code, String reason) {
        open = false;
        listener.onClosed(code, reason);
    }

    /** A connect attempt that fails (server down). */
    public void refuse() {
        open = false;
        listener.onClosed(CLOSE_ABNORMAL, "connection refused");
    }

    // what the desktop did

    public List<URI> openAttempts() {
        return List.copyOf(opened);
    }

    public int closedByClient() {
        return closedByClient;
    }

    public List<ClientFrame> sent() {
        return sentTexts.stream()
                .map(text -> Json.mapper().readValue(text, ClientFrame.class))
                .toList();
    }

    public <T extends ClientFrame> List<T> sent(Class<T> type) {
        return sent().stream().filter(type::isInstance).map(type::cast).toList();
    }

    public void clearSent() {
        sentTexts.clear();
    }
}
