package id.oss.livechat.desktop.connection;

import id.oss.livechat.desktop.util.Scheduler;
import id.oss.livechat.desktop.util.UiThread;
import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.FrameTypes;
import id.oss.livechat.model.realtime.ServerFrame;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The staff socket as the rest of the app sees it: authenticated with the first frame, reconnected
 * with back-off after a drop, and stopped for good on sign-out. Everything it reports (state,
 * frames, "connected again") arrives on the UI thread, and it is only used from there.
 */
public final class LiveLink {
    private static final System.Logger LOG = System.getLogger(LiveLink.class.getName());

    /** Proxies and NAT routers drop sockets that stay silent for a minute or two. */
    static final Duration PING_EVERY = Duration.ofSeconds(30);

    private final ChatConnection connection;
    private final FrameCodec codec = new FrameCodec();
    private final ReconnectPolicy policy;
    private final Scheduler scheduler;
    private final UiThread ui;

    private final ReadOnlyObjectWrapper<LinkState> state =
            new ReadOnlyObjectWrapper<>(LinkState.OFFLINE);
    private final List<Consumer<ServerFrame>> frameListeners = new ArrayList<>();
    private final List<Runnable> connectedListeners = new ArrayList<>();

    private URI endpoint;
    private String token;
    // each socket gets a number; events of an older socket arriving late are ignored
    private int generation;
    private Scheduler.Cancellable pendingRetry;
    private Scheduler.Cancellable keepAlive;
    // why the server closed the socket with 4401 (signed_out, access_changed, …), once it did
    private String rejectedBecause;

    public LiveLink(
            ChatConnection connection, ReconnectPolicy policy, Scheduler scheduler, UiThread ui) {
        this.connection = connection;
        this.policy = policy;
        this.scheduler = scheduler;
        this.ui = ui;
    }

    public ReadOnlyObjectProperty<LinkState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public LinkState state() {
        return state.get();
    }

    /**
     * Why the server refused the token (the 4401 close frame's reason: {@code signed_out}, {@code
     * password_changed}, {@code access_changed}, {@code token_expired}), once the state is {@link
     * LinkState#REJECTED}; null before.
     */
    public String rejectedBecause() {
        return rejectedBecause;
    }

    /** Every frame from the server, in order, on the UI thread. */
    public void onFrame(Consumer<ServerFrame> listener) {
        frameListeners.add(listener);
    }

    /** After each successful authentication: the first, and every reconnect. */
    public void onConnected(Runnable listener) {
        connectedListeners.add(listener);
    }

    /** Connects to the staff socket and keeps it connected until {@link #stop()}. */
    public void start(URI endpoint, String token) {
        this.endpoint = endpoint;
        this.token = token;
        policy.resume();
        state.set(LinkState.CONNECTING);
        openSocket();
    }

    /** Sign-out: close and never reconnect, whatever the socket reports afterwards. */
    public void stop() {
        policy.stop();
        generation++;
        if (pendingRetry != null) {
            pendingRetry.cancel();
            pendingRetry = null;
        }
        stopKeepAlive();
        connection.close();
        state.set(LinkState.OFFLINE);
    }

    /** Sends a frame if the socket is connected and authenticated; false otherwise. */
    public boolean send(ClientFrame frame) {
        if (state.get() != LinkState.CONNECTED) {
            return false;
        }
        return connection.send(codec.encode(frame));
    }

    public boolean isConnected() {
        return state.get() == LinkState.CONNECTED;
    }

    private void openSocket() {
        pendingRetry = null;
        if (policy.isStopped()) {
            return;
        }
        int mine = ++generation;
        connection.open(
                endpoint,
                new ChatConnection.Listener() {
                    @Override
                    public void onOpen() {
                        ui.run(() -> whenCurrent(mine, LiveLink.this::authenticate));
                    }

                    @Override
                    public void onText(String text) {
                        ui.run(() -> whenCurrent(mine, () -> receive(text)));
                    }

                    @Override
                    public void onClosed(int code, String reason) {
                        ui.run(() -> whenCurrent(mine, () -> closed(code, reason)));
                    }
                });
    }

    private void stopKeepAlive() {
        if (keepAlive != null) {
            keepAlive.cancel();
            keepAlive = null;
        }
    }

    private void whenCurrent(int socket, Runnable action) {
        if (socket == generation && !policy.isStopped()) {
            action.run();
        }
    }

    private void authenticate() {
        // the token goes in the first frame, never in the URL (URLs end up in logs)
        connection.send(codec.encode(new ClientFrame.Auth(token)));
    }

    private void receive(String text) {
        codec.decode(text).ifPresent(this::dispatch);
    }

    private void dispatch(ServerFrame frame) {
        if (frame instanceof ServerFrame.AuthOk) {
            policy.reset();
            state.set(LinkState.CONNECTED);
            stopKeepAlive();
            keepAlive = scheduler.every(PING_EVERY, () -> send(new ClientFrame.Ping()));
            List.copyOf(connectedListeners).forEach(Runnable::run);
            return;
        }
        for (Consumer<ServerFrame> listener : List.copyOf(frameListeners)) {
            try {
                listener.accept(frame);
            } catch (RuntimeException e) {
                // one bad frame or listener must not take the whole link down
                LOG.log(System.Logger.Level.ERROR, "handling " + frame + " failed", e);
            }
        }
    }

    private void closed(int code, String reason) {
        stopKeepAlive();
        if (code == FrameTypes.CLOSE_UNAUTHORIZED) {
            LOG.log(System.Logger.Level.WARNING, "the server refused the token: " + reason);
            rejectedBecause = reason == null ? "" : reason;
            state.set(LinkState.REJECTED);
            return;
        }
        state.set(LinkState.RECONNECTING);
        var delay = policy.nextDelay();
        LOG.log(
                System.Logger.Level.INFO,
                "socket closed (" + code + " " + reason + "); retrying in " + delay);
        pendingRetry = scheduler.schedule(delay, this::openSocket);
    }
}
