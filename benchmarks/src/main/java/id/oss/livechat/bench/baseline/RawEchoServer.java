package id.oss.livechat.bench.baseline;

import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The baseline server: plain Reactor Netty (what the chat server runs on), one WebSocket route
 * {@code /ws} that echoes every frame back. It holds idle sockets as cheaply as the stack allows
 * and answers as fast as it allows; no JSON, no database.
 */
public final class RawEchoServer {
    private RawEchoServer() {}

    public static DisposableServer start(int port) {
        return HttpServer.create()
                .host("localhost")
                .port(port)
                .route(
                        routes ->
                                routes.ws(
                                        "/ws",
                                        (in, out) ->
                                                out.send(in.aggregateFrames().receive().retain())))
                .bindNow();
    }

    public static void main(String[] args) {
        DisposableServer server = start(Integer.parseInt(args[0]));
        System.out.println("raw echo server on " + server.port());
        server.onDispose().block();
    }
}
