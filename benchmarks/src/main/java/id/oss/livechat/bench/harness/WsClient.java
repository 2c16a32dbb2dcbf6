package id.oss.livechat.bench.harness;

import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.LoopResources;

/**
 * One WebSocket client connection of the load generator. Each is its own TCP connection ({@code
 * HttpClient.newConnection()}: the pooled client stops at 500); text frames go out through a sink,
 * so sending never blocks the open-loop schedule, and every text frame received goes to a handler
 * on the event loop.
 */
public final class WsClient {
    private static final LoopResources LOOPS = LoopResources.create("bench-client", 2, true);
    private static final HttpClient CLIENT =
            HttpClient.newConnection()
                    .runOn(LOOPS)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);

    private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
    private final Sinks.One<WsClient> opened = Sinks.one();
    private volatile Consumer<String> onText;
    private volatile Disposable connection;
    private volatile boolean closed;

    private WsClient(Consumer<String> onText) {
        this.onText = onText;
    }

    /** Connects; the Mono completes once the handshake is done. */
    public static Mono<WsClient> connect(URI uri, Consumer<String> onText) {
        WsClient client = new WsClient(onText);
        client.connection =
                CLIENT.websocket(WebsocketClientSpec.builder().handlePing(true).build())
                        .uri(uri)
                        .handle(
                                (in, out) -> {
                                    client.opened.tryEmitValue(client);
                                    Mono<Void> sending =
                                            out.sendString(client.outbound.asFlux()).then();
                                    Mono<Void> receiving =
                                            in.aggregateFrames()
                                                    .receive()
                                                    .asString()
                                                    .doOnNext(text -> client.onText.accept(text))
                                                    .then();
                                    return Mono.when(sending, receiving);
                                })
                        .doFinally(
                                signal -> {
                                    client.closed = true;
                                    client.opened.tryEmitError(
                                            new IllegalStateException(
                                                    "WebSocket to " + uri + " ended: " + signal));
                                })
                        .subscribe(null, e -> client.opened.tryEmitError(e));
        return client.opened.asMono();
    }

    /**
     * Opens {@code count} clients, {@code concurrency} handshakes at a time.
     *
     * @param onText per client index, its handler
     */
    public static List<WsClient> connectAll(
            URI uri,
            int count,
            int concurrency,
            java.util.function.IntFunction<Consumer<String>> onText) {
        return connectAll(uri, count, concurrency, onText, i -> null);
    }

    /**
     * Connects {@code count} clients; each sends {@code firstFrame.apply(i)} (if not null) as soon
     * as it is connected, and holds its place among the {@code concurrency} until the server has
     * answered that frame. Sign-in frames go this way: the server closes a socket that has not sent
     * its sign-in within ten seconds, less than it takes to open thousands; and opening sockets
     * faster than the server signs them in only piles up sign-ins on the server.
     */
    public static List<WsClient> connectAll(
            URI uri,
            int count,
            int concurrency,
            java.util.function.IntFunction<Consumer<String>> onText,
            java.util.function.IntFunction<String> firstFrame) {
        List<WsClient> clients =
                Flux.range(0, count)
                        .flatMapSequential(
                                i -> {
                                    String first = firstFrame.apply(i);
                                    Consumer<String> handler = onText.apply(i);
                                    Sinks.Empty<Void> answered = Sinks.empty();
                                    Consumer<String> watching =
                                            text -> {
                                                handler.accept(text);
                                                answered.tryEmitEmpty();
                                            };
                                    return connect(uri, first == null ? handler : watching)
                                            .retryWhen(
                                                    reactor.util.retry.Retry.backoff(
                                                            3, Duration.ofMillis(200)))
                                            .flatMap(
                                                    c -> {
                                                        if (first == null) {
                                                            return Mono.just(c);
                                                        }
                                                        c.send(first);
                                                        return answered.asMono()
                                                                .timeout(Duration.ofMinutes(2))
                                                                .thenReturn(c);
                                                    });
                                },
                                concurrency)
                        .collectList()
                        .block(Duration.ofMinutes(20));
        return new ArrayList<>(clients);
    }

    public void onText(Consumer<String> handler) {
        this.onText = handler;
    }

    public synchronized void send(String text) {
        outbound.tryEmitNext(text);
    }

    public boolean isClosed() {
        return closed;
    }

    public void close() {
        outbound.tryEmitComplete();
        Disposable c = connection;
        if (c != null) {
            c.dispose();
        }
    }

    public static void closeAll(List<WsClient> clients) {
        clients.forEach(WsClient::close);
    }
}
