package id.oss.livechat.desktop.connection;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.glassfish.tyrus.client.ClientManager;

/**
 * {@link ChatConnection} on the Tyrus client. Deliberately without Tyrus' {@code ReconnectHandler}:
 * it also fires after a deliberate close and retries a down server without pause, so {@link
 * LiveLink} decides about reconnecting, with back-off and a stop flag.
 */
public final class TyrusChatConnection implements ChatConnection {
    private static final System.Logger LOG = System.getLogger(TyrusChatConnection.class.getName());

    private final ClientManager client = ClientManager.createClient();
    // connectToServer blocks until the handshake ends: never on the FX thread
    private final ExecutorService connector =
            Executors.newSingleThreadExecutor(
                    runnable -> {
                        Thread thread = new Thread(runnable, "desktop-ws-connect");
                        thread.setDaemon(true);
                        return thread;
                    });
    private volatile Session session;
    private final java.util.concurrent.atomic.AtomicBoolean closed =
            new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public void open(URI endpoint, Listener listener) {
        connector.execute(() -> connect(endpoint, listener));
    }

    private void connect(URI endpoint, Listener listener) {
        try {
            client.connectToServer(
                    new Endpoint() {
                        @Override
                        public void onOpen(Session opened, EndpointConfig config) {
                            session = opened;
                            opened.addMessageHandler(
                                    String.class, (MessageHandler.Whole<String>) listener::onText);
                            listener.onOpen();
                        }

                        @Override
                        public void onClose(Session closed, CloseReason reason) {
                            if (session == closed) {
                                session = null;
                            }
                            listener.onClosed(
                                    reason.getCloseCode().getCode(), reason.getReasonPhrase());
                        }

                        @Override
                        public void onError(Session failed, Throwable error) {
                            LOG.log(System.Logger.Level.DEBUG, "socket error", error);
                        }
                    },
                    ClientEndpointConfig.Builder.create().build(),
                    endpoint);
        } catch (Exception e) {
            // unreachable server, refused handshake: to the link this is a socket that closed
            LOG.log(System.Logger.Level.DEBUG, "could not connect to " + endpoint, e);
            listener.onClosed(CLOSE_ABNORMAL, String.valueOf(e.getMessage()));
        }
    }

    @Override
    public boolean send(String text) {
        Session current = session;
        if (current == null || !current.isOpen()) {
            return false;
        }
        current.getAsyncRemote().sendText(text);
        return true;
    }

    /**
     * Closes the socket and releases the client's threads: a closed connection is not opened again
     * (a new sign-in makes a new one). Runs on the connector thread, so the caller (the FX thread)
     * never waits for the close handshake.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Session current = session;
        session = null;
        connector.execute(
                () -> {
                    if (current != null && current.isOpen()) {
                        try {
                            current.close(
                                    new CloseReason(
                                            CloseReason.CloseCodes.NORMAL_CLOSURE, "sign-out"));
                        } catch (IOException e) {
                            LOG.log(System.Logger.Level.DEBUG, "close failed", e);
                        }
                    }
                    client.shutdown();
                });
        connector.shutdown();
    }
}
