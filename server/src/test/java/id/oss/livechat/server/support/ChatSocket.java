package id.oss.livechat.server.support;

import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.ServerFrame;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.WebsocketClientSpec;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket client for tests: connects to {@code /ws/visitor} or {@code /ws/agent}, sends
 * frames, records every frame received, and waits for the ones a test expects.
 */
public final class ChatSocket implements AutoCloseable {
    public static final JsonMapper JSON =
            JsonMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .build();
    public static final Duration WAIT = Duration.ofSeconds(20);

    private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
    private final List<ServerFrame> received = new CopyOnWriteArrayList<>();
    private final List<String> raw = new CopyOnWriteArrayList<>();
    private final AtomicReference<CloseStatus> closeStatus = new AtomicReference<>();
    private final Disposable connection;

    private ChatSocket(URI uri) {
        this(uri, client(reactor.netty.http.client.HttpClient.create()), new HttpHeaders());
    }

    /**
     * Reads frames up to 4 MiB, as the desktop's Tyrus client does: a supervisor's first {@code
     * queue.updated} lists every waiting chat and outgrows Reactor Netty's default 64 KiB once the
     * suite's shared database holds a few hundred.
     */
    private static ReactorNettyWebSocketClient client(reactor.netty.http.client.HttpClient http) {
        return new ReactorNettyWebSocketClient(
                http, () -> WebsocketClientSpec.builder().maxFramePayloadLength(4 * 1024 * 1024));
    }

    private ChatSocket(URI uri, ReactorNettyWebSocketClient client, HttpHeaders headers) {
        connection = client.execute(uri, headers, this::talk).subscribe(null, e -> {});
    }

    private Mono<Void> talk(WebSocketSession session) {
        Mono<Void> sending = session.send(outbound.asFlux().map(session::textMessage));
        Mono<Void> receiving =
                session.receive()
                        .map(WebSocketMessage::getPayloadAsText)
                        .doOnNext(this::record)
                        // a connection that dies without a close frame (the server was killed):
                        // 1006
                        .doFinally(
                                signal ->
                                        closeStatus.compareAndSet(
                                                null, new CloseStatus(1006, "abnormal closure")))
                        .then();
        Mono<Void> closing = session.closeStatus().doOnNext(closeStatus::set).then();
        return Mono.when(sending, receiving, closing);
    }

    private void record(String text) {
        raw.add(text);
        received.add(JSON.readValue(text, ServerFrame.class));
    }

    public static ChatSocket open(int port, String path) {
        return new ChatSocket(URI.create("ws://localhost:" + port + path));
    }

    /** Opens through {@code client} (bound to an address of its own) with extra headers. */
    public static ChatSocket open(
            int port,
            String path,
            reactor.netty.http.client.HttpClient client,
            HttpHeaders headers) {
        return new ChatSocket(URI.create("ws://127.0.0.1:" + port + path), client(client), headers);
    }

    /** Opens and signs in; waits for {@code auth.ok}. */
    public static ChatSocket signedIn(int port, String path, String token) {
        ChatSocket socket = open(port, path);
        socket.send(new ClientFrame.Auth(token));
        socket.await(ServerFrame.AuthOk.class, f -> true);
        return socket;
    }

    public ChatSocket send(ClientFrame frame) {
        return sendRaw(JSON.writeValueAsString(frame));
    }

    public synchronized ChatSocket sendRaw(String text) {
        outbound.tryEmitNext(text);
        return this;
    }

    public <T extends ServerFrame> T await(Class<T> type, Predicate<T> matching) {
        AtomicReference<T> found = new AtomicReference<>();
        try {
            awaitUntil(type, matching, found);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "no matching "
                            + type.getSimpleName()
                            + " within "
                            + WAIT
                            + "; received "
                            + raw
                            + (closeStatus.get() == null ? "" : ", closed " + closeStatus.get()),
                    e);
        }
        return found.get();
    }

    private <T extends ServerFrame> void awaitUntil(
            Class<T> type, Predicate<T> matching, AtomicReference<T> found) {
        Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> {
                            for (ServerFrame frame : received) {
                                if (type.isInstance(frame) && matching.test(type.cast(frame))) {
                                    found.set(type.cast(frame));
                                    return true;
                                }
                            }
                            return false;
                        });
    }

    public <T extends ServerFrame> List<T> all(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public List<String> raw() {
        return raw;
    }

    public CloseStatus awaitClosed() {
        Awaitility.await().atMost(WAIT).until(() -> closeStatus.get() != null);
        return closeStatus.get();
    }

    public boolean isClosed() {
        return closeStatus.get() != null;
    }

    /** Drops the connection without a goodbye, as a lost network would. */
    @Override
    public void close() {
        connection.dispose();
    }
}
