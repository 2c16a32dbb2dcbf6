package id.oss.livechat.bench.harness;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The server's side of Socket.IO 4's wire (Engine.IO 4 over a WebSocket), just enough to check the
 * load generator's {@link SocketIoClient} without Node: it opens with {@code 0{…}}, accepts a
 * namespace connect {@code 40{auth}} with {@code 40{…}} (or refuses an auth holding "bad" with
 * {@code 44{…}}) and pings ({@code 2}) right after, acknowledges each {@code 42<id>["message.send",
 * data]} with {@code 43<id>[…]} and passes its data to every other connected socket as {@code
 * 42["message.new",data]}, as the peer does to a chat's room.
 */
final class SocketIoStub implements AutoCloseable {
    final List<String> auths = new CopyOnWriteArrayList<>();
    final AtomicLong pongs = new AtomicLong();
    private final List<Outbound> connected = new CopyOnWriteArrayList<>();
    private final DisposableServer server;

    /** One socket's frames out; emitted from several sockets' threads, so one at a time. */
    private static final class Outbound {
        private final Sinks.Many<String> sink = Sinks.many().unicast().onBackpressureBuffer();

        synchronized void send(String text) {
            sink.tryEmitNext(text);
        }
    }

    SocketIoStub() {
        server =
                HttpServer.create()
                        .host("localhost")
                        .port(0)
                        .handle(
                                (request, response) -> {
                                    if (!request.uri()
                                            .equals("/socket.io/?EIO=4&transport=websocket")) {
                                        return response.status(400).send();
                                    }
                                    return response.sendWebsocket(
                                            (in, out) -> {
                                                Outbound socket = new Outbound();
                                                socket.send(
                                                        "0{\"sid\":\"e\",\"upgrades\":[],"
                                                                + "\"pingInterval\":25000,"
                                                                + "\"pingTimeout\":20000,"
                                                                + "\"maxPayload\":1000000}");
                                                Mono<Void> receiving =
                                                        in.receive()
                                                                .asString()
                                                                .doOnNext(
                                                                        packet ->
                                                                                receive(
                                                                                        socket,
                                                                                        packet))
                                                                .then();
                                                return Mono.when(
                                                        out.sendString(socket.sink.asFlux()).then(),
                                                        receiving);
                                            });
                                })
                        .bindNow();
    }

    URI uri() {
        return SocketIoClient.uri("localhost", server.port());
    }

    private void receive(Outbound socket, String packet) {
        if (packet.startsWith("40")) {
            String auth = packet.substring(2);
            auths.add(auth);
            if (auth.contains("\"bad\"")) {
                socket.send("44{\"message\":\"unauthorized\"}");
                return;
            }
            connected.add(socket);
            socket.send("40{\"sid\":\"s\"}");
            socket.send("2");
        } else if (packet.equals("3")) {
            pongs.incrementAndGet();
        } else if (packet.startsWith("42")) {
            int open = packet.indexOf('[');
            String ackId = packet.substring(2, open);
            String data =
                    packet.substring(
                            packet.indexOf("\"message.send\",") + 15, packet.lastIndexOf(']'));
            socket.send("43" + ackId + "[{\"seq\":" + ackId + "}]");
            for (Outbound other : connected) {
                if (other != socket) {
                    other.send("42[\"message.new\"," + data + "]");
                }
            }
        }
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
