package id.oss.livechat.server.realtime.web;

import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.FrameTypes;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.protection.OpenSockets;
import id.oss.livechat.server.realtime.ClientConnection;
import id.oss.livechat.server.realtime.FrameHandler;
import id.oss.livechat.server.realtime.Principal;
import id.oss.livechat.server.realtime.SocketSessions;
import id.oss.livechat.server.system.web.RequestInfo;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chat WebSocket ({@code /ws/visitor} or {@code /ws/agent}): JSON text frames. The first frame
 * must be {@code auth} and arrive within the sign-in timeout; otherwise, or with a bad token, the
 * client gets an {@code error} frame and the socket closes with 4401. Tokens travel in that frame,
 * never in the URL, which ends up in logs.
 *
 * <p>The timeout is the client's, not the server's: a busy server may take longer to check a token
 * that arrived in time (thousands of sockets reconnecting after a restart), and those clients are
 * signed in, not refused. Only if checking takes longer than {@link #SIGN_IN_LIMIT_FACTOR} times
 * the timeout, or fails for a reason other than the token, the socket closes with 1013 (try again
 * later): clients reconnect, where 4401 would make them drop their token.
 *
 * <p>Each socket holds a place among its client address' open sockets of its kind from the moment
 * its handler starts until it ends; over the cap the socket closes at once with 4429, before any
 * frame is read.
 */
public class ChatWebSocketHandler implements WebSocketHandler {
    private static final Logger log = LoggerFactory.getLogger(ChatWebSocketHandler.class);
    static final int SIGN_IN_LIMIT_FACTOR = 3;
    static final CloseStatus UNAUTHORIZED =
            new CloseStatus(FrameTypes.CLOSE_UNAUTHORIZED, "unauthorized");
    // RFC 6455 1013: the server cannot sign the socket in right now; reconnect later
    static final CloseStatus TRY_AGAIN_LATER = new CloseStatus(1013, "try again later");
    static final CloseStatus TOO_MANY_SOCKETS =
            new CloseStatus(
                    FrameTypes.CLOSE_TOO_MANY_SOCKETS,
                    "too many chat sockets open from your address");

    private final Function<String, Mono<Principal>> authenticate;
    private final SocketSessions sockets;
    private final FrameHandler frames;
    private final JsonMapper json;
    private final ClientConnection.Limits limits;
    private final Duration authTimeout;
    private final OpenSockets openSockets;
    private final OpenSockets.Kind kind;

    public ChatWebSocketHandler(
            Function<String, Mono<Principal>> authenticate,
            SocketSessions sockets,
            FrameHandler frames,
            JsonMapper json,
            ClientConnection.Limits limits,
            Duration authTimeout,
            OpenSockets openSockets,
            OpenSockets.Kind kind) {
        this.openSockets = openSockets;
        this.kind = kind;
        this.limits = limits;
        this.authTimeout = authTimeout;
        this.authenticate = authenticate;
        this.sockets = sockets;
        this.frames = frames;
        this.json = json;
    }

    @Override
    public Mono<Void> handle(WebSocketSession ws) {
        if (sockets.shuttingDown()) {
            return ws.close(CloseStatus.GOING_AWAY);
        }
        Optional<OpenSockets.Place> place = openSockets.tryOpen(kind, clientAddress(ws));
        if (place.isEmpty()) {
            return ws.close(TOO_MANY_SOCKETS);
        }
        // however the socket ends (closed by either side, the network gone, an error), its place
        // is given back
        return talk(ws).doFinally(signal -> place.get().release());
    }

    /**
     * The client's address as the handshake saw it: behind a trusted proxy, the citizen it names
     * (ClientAddressFilter put it on the handshake request).
     */
    private static String clientAddress(WebSocketSession ws) {
        String address = RequestInfo.ipOf(ws.getHandshakeInfo().getRemoteAddress());
        return address == null ? "unknown" : address;
    }

    /** Signs the socket in, then serves it until either side closes it. */
    private Mono<Void> talk(WebSocketSession ws) {
        // what the socket writes: the connection's frames once signed in, or one error before
        // closing
        Sinks.One<Flux<ServerFrame>> outbound = Sinks.one();
        Sinks.One<CloseStatus> closeAfterWriting = Sinks.one();
        Sinks.Empty<Void> outputDone = Sinks.empty();
        // set once the socket is signed in or refused, whichever comes first
        AtomicBoolean decided = new AtomicBoolean();
        // set when the first frame arrives: from then on the sign-in is the server's to finish
        AtomicBoolean firstFrameIn = new AtomicBoolean();

        Mono<Void> output =
                ws.send(
                                outbound.asMono()
                                        .flatMapMany(Function.identity())
                                        .map(
                                                frame ->
                                                        ws.textMessage(
                                                                json.writeValueAsString(frame))))
                        .then(closeAfterWriting.asMono().flatMap(ws::close))
                        .doFinally(signal -> outputDone.tryEmitEmpty());

        Mono<Void> input =
                ws.receive()
                        .map(WebSocketMessage::getPayloadAsText)
                        .switchOnFirst(
                                (first, all) -> {
                                    if (!first.hasValue()) {
                                        return Flux.empty();
                                    }
                                    firstFrameIn.set(true);
                                    return signIn(first.get(), handshakeAddress(ws))
                                            .timeout(authTimeout.multipliedBy(SIGN_IN_LIMIT_FACTOR))
                                            // the socket lives on downstream of the sign-in for
                                            // hours: let go of its finished query (statement,
                                            // parsed SQL, bindings: kilobytes per socket)
                                            .onTerminateDetach()
                                            .flatMapMany(
                                                    connection -> {
                                                        if (!decided.compareAndSet(false, true)) {
                                                            return Flux.empty();
                                                        }
                                                        return serve(
                                                                ws,
                                                                connection,
                                                                outbound,
                                                                all.skip(1));
                                                    })
                                            // refused: keep reading (cancelling the inbound would
                                            // drop the
                                            // connection at once) until the error frame is written
                                            // and the socket closed
                                            .onErrorResume(
                                                    failure ->
                                                            refuse(
                                                                            decided,
                                                                            outbound,
                                                                            closeAfterWriting,
                                                                            failure)
                                                                    .then(outputDone.asMono()));
                                })
                        .then()
                        // the client went away (or never signed in): let the writing side finish
                        // too
                        .doFinally(
                                signal -> {
                                    outbound.tryEmitValue(Flux.empty());
                                    closeAfterWriting.tryEmitEmpty();
                                });

        Mono<Void> deadline =
                Mono.firstWithSignal(
                        Mono.delay(authTimeout)
                                .then(
                                        Mono.defer(
                                                () ->
                                                        firstFrameIn.get()
                                                                ? Mono.empty()
                                                                : refuse(
                                                                        decided,
                                                                        outbound,
                                                                        closeAfterWriting,
                                                                        Problem.unauthorized(
                                                                                "auth_timeout",
                                                                                "No auth frame within "
                                                                                        + authTimeout
                                                                                                .toMillis()
                                                                                        + " ms.")))),
                        outputDone.asMono());

        return Mono.when(input, output, deadline);
    }

    private Flux<Void> serve(
            WebSocketSession ws,
            ClientConnection connection,
            Sinks.One<Flux<ServerFrame>> outbound,
            Flux<String> frames) {
        connection.onOverflow(
                () -> ws.close(CloseStatus.POLICY_VIOLATION.withReason("too slow")).subscribe());
        connection.onCloseRequest(
                (code, reason) ->
                        ws.close(new CloseStatus(code, reasonFor(code, reason))).subscribe());
        outbound.tryEmitValue(connection.outbound());
        sockets.opened(connection);
        // detached: the last frame's handling (a stored message's statement) is not kept until
        // the next frame, which may be hours away
        return frames.concatMap(
                        text -> sockets.tracked(receive(connection, text)).onTerminateDetach())
                .onErrorResume(e -> Mono.empty())
                .thenMany(Mono.defer(() -> sockets.closed(connection)))
                .doOnCancel(() -> sockets.closed(connection).subscribe());
    }

    private static String reasonFor(int code, String reason) {
        if (reason != null) {
            return reason;
        }
        return code == CloseStatus.GOING_AWAY.getCode() ? "server shutting down" : "server error";
    }

    /** The client's address for the audit trail: null when the handshake did not say. */
    private static String handshakeAddress(WebSocketSession ws) {
        return RequestInfo.ipOf(ws.getHandshakeInfo().getRemoteAddress());
    }

    private Mono<ClientConnection> signIn(String text, String address) {
        ClientFrame frame;
        try {
            frame = json.readValue(text, ClientFrame.class);
        } catch (JacksonException e) {
            return Mono.error(
                    Problem.unauthorized(
                            "auth_required",
                            "The first frame must be {\"type\":\"auth\",\"token\":…}."));
        }
        if (!(frame instanceof ClientFrame.Auth auth)) {
            return Mono.error(
                    Problem.unauthorized(
                            "auth_required",
                            "The first frame must be {\"type\":\"auth\",\"token\":…}."));
        }
        return authenticate
                .apply(auth.token())
                .map(principal -> new ClientConnection(principal, limits, address));
    }

    /**
     * Sends one error frame, then closes: 4401 for a token or frame the client got wrong, 1013 when
     * the server could not check it (too busy, or its database failed). Only the first refusal of a
     * socket counts.
     */
    private static Mono<Void> refuse(
            AtomicBoolean decided,
            Sinks.One<Flux<ServerFrame>> outbound,
            Sinks.One<CloseStatus> close,
            Throwable failure) {
        if (!decided.compareAndSet(false, true)) {
            return Mono.empty();
        }
        if (failure instanceof Problem problem) {
            close.tryEmitValue(UNAUTHORIZED);
            outbound.tryEmitValue(
                    Flux.just(
                            new ServerFrame.Error(
                                    problem.code(), problem.getMessage(), FrameTypes.AUTH)));
        } else {
            log.warn("Could not sign a socket in; it may try again: {}", failure.toString());
            close.tryEmitValue(TRY_AGAIN_LATER);
            outbound.tryEmitValue(
                    Flux.just(
                            new ServerFrame.Error(
                                    "auth_unavailable",
                                    "Could not sign in right now; please try again.",
                                    FrameTypes.AUTH)));
        }
        return Mono.empty();
    }

    private Mono<Void> receive(ClientConnection connection, String text) {
        ClientFrame frame;
        ServerFrame.Error unreadable = null;
        try {
            frame = json.readValue(text, ClientFrame.class);
        } catch (JacksonException e) {
            frame = null;
            unreadable = unreadable(e);
        }
        if (frame == null) {
            // a bare JSON null reads as no frame at all
            if (unreadable == null) {
                unreadable =
                        new ServerFrame.Error(
                                "invalid_frame", "A frame is a JSON object with a type.", null);
            }
            // a frame that cannot be read costs a signal like any frame: a flood of them gets
            // rate_limited like a flood of pings, not an answer each
            connection.send(
                    connection.allowSignal()
                            ? unreadable
                            : new ServerFrame.Error(
                                    "rate_limited",
                                    "Too many frames; slow down.",
                                    unreadable.ref()));
            return Mono.empty();
        }
        ClientFrame read = frame;
        return Mono.defer(() -> frames.handle(connection, read))
                .onErrorResume(
                        e -> {
                            connection.send(
                                    new ServerFrame.Error(
                                            "internal_error",
                                            "Something went wrong on our side; please try again.",
                                            null));
                            return Mono.empty();
                        });
    }

    /** The answer to a frame that is no JSON, of no known type, or with fields of wrong types. */
    private static ServerFrame.Error unreadable(JacksonException failure) {
        if (failure instanceof InvalidTypeIdException e) {
            return new ServerFrame.Error(
                    "unknown_type",
                    "Unknown or missing frame type"
                            + (e.getTypeId() == null ? "." : ": " + e.getTypeId()),
                    e.getTypeId());
        }
        if (failure instanceof StreamReadException) {
            return new ServerFrame.Error("malformed_json", "The frame is not valid JSON.", null);
        }
        return new ServerFrame.Error(
                "invalid_frame", "The frame's fields have the wrong types.", null);
    }
}
