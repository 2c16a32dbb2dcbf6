package id.oss.livechat.bench.harness;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * A Socket.IO client of the load generator, speaking Socket.IO 4 (Engine.IO protocol 4, Socket.IO
 * protocol 5) over the suite's own {@link WsClient}, so the peer is driven by the same sockets,
 * threads and schedule as the chat server. WebSocket transport only, text packets only, the main
 * namespace:
 *
 * <ul>
 *   <li>the server opens with {@code 0{"sid":…,"pingInterval":…}}; the client connects the
 *       namespace with {@code 40{auth}} and the server answers {@code 40{"sid":…}} (or refuses with
 *       {@code 44{"message":…}});
 *   <li>events are {@code 42["name",data]}, or {@code 42<id>["name",data]} when the sender wants an
 *       acknowledgement, which comes back as {@code 43<id>[data]};
 *   <li>the server pings with {@code 2}, the client answers {@code 3}.
 * </ul>
 */
public final class SocketIoClient {
    private final String auth;
    private final Consumer<String> onPacket;
    private final Sinks.Empty<Void> connected = Sinks.empty();
    private final AtomicBoolean connectSent = new AtomicBoolean();
    private final AtomicLong ackIds = new AtomicLong();
    private volatile boolean opened;
    private volatile WsClient socket;

    private SocketIoClient(String auth, Consumer<String> onPacket) {
        this.auth = auth;
        this.onPacket = onPacket;
    }

    /** The URI a Socket.IO 4 server takes WebSocket-only clients at. */
    public static URI uri(String host, int port) {
        return URI.create("ws://" + host + ":" + port + "/socket.io/?EIO=4&transport=websocket");
    }

    /**
     * Connects and joins the main namespace with {@code auth} (a JSON object); the Mono completes
     * once the server accepted it. {@code onPacket} gets every Socket.IO packet after that as sent
     * ({@code 42[…]} events, {@code 43<id>[…]} acknowledgements), on the socket's event loop.
     */
    public static Mono<SocketIoClient> connect(URI uri, String auth, Consumer<String> onPacket) {
        SocketIoClient client = new SocketIoClient(auth, onPacket);
        return WsClient.connect(uri, client::receive)
                .flatMap(
                        socket -> {
                            client.attach(socket);
                            return client.connected.asMono().thenReturn(client);
                        });
    }

    /** Connects {@code count} clients, {@code concurrency} handshakes (and sign-ins) at a time. */
    public static List<SocketIoClient> connectAll(
            URI uri,
            int count,
            int concurrency,
            IntFunction<String> auth,
            IntFunction<Consumer<String>> onPacket) {
        List<SocketIoClient> clients =
                Flux.range(0, count)
                        .flatMapSequential(
                                i ->
                                        Mono.defer(
                                                        () ->
                                                                connect(
                                                                        uri,
                                                                        auth.apply(i),
                                                                        onPacket.apply(i)))
                                                .timeout(Duration.ofMinutes(2))
                                                .retryWhen(
                                                        Retry.backoff(3, Duration.ofMillis(200))),
                                concurrency)
                        .collectList()
                        .block(Duration.ofMinutes(20));
        return new ArrayList<>(clients);
    }

    /**
     * Sends the event {@code name} with {@code json} as its one argument, asking for an
     * acknowledgement (it arrives as a {@code 43<id>[…]} packet).
     */
    public void emitWithAck(String name, String json) {
        socket.send("42" + ackIds.incrementAndGet() + "[\"" + name + "\"," + json + "]");
    }

    public boolean isClosed() {
        WsClient s = socket;
        return s != null && s.isClosed();
    }

    public void close() {
        WsClient s = socket;
        if (s != null) {
            s.close();
        }
    }

    public static void closeAll(List<SocketIoClient> clients) {
        clients.forEach(SocketIoClient::close);
    }

    private void attach(WsClient socket) {
        this.socket = socket;
        if (opened) {
            joinNamespace();
        }
    }

    private void receive(String packet) {
        if (packet.isEmpty()) {
            return;
        }
        switch (packet.charAt(0)) {
            case '0' -> {
                // Engine.IO open: the socket (if attached already) joins the namespace
                opened = true;
                if (socket != null) {
                    joinNamespace();
                }
            }
            case '2' -> socket.send("3");
            case '4' -> message(packet);
            default -> {
                // 1 close, 6 noop: nothing to answer
            }
        }
    }

    /** An Engine.IO message: a Socket.IO packet, whose type is its second character. */
    private void message(String packet) {
        char type = packet.length() > 1 ? packet.charAt(1) : ' ';
        if (type == '0') {
            connected.tryEmitEmpty();
        } else if (type == '4') {
            connected.tryEmitError(new IllegalStateException("refused: " + packet.substring(2)));
            close();
        } else {
            onPacket.accept(packet);
        }
    }

    private void joinNamespace() {
        if (connectSent.compareAndSet(false, true)) {
            socket.send("40" + auth);
        }
    }
}
