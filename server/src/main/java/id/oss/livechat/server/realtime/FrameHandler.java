package id.oss.livechat.server.realtime;

import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.FrameTypes;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.common.CallerAddress;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.message.Messaging;
import id.oss.livechat.server.message.Participant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * What each frame a signed-in client sends does: the socket's rate limits, then the message
 * feature's use case, then the answer on the socket. A refused frame is answered with an {@code
 * error} frame naming what it refers to; the socket stays open and nothing is stored.
 */
public class FrameHandler {
    private static final Logger log = LoggerFactory.getLogger(FrameHandler.class);

    private final Messaging messaging;
    private final TokenRenewalOnSocket renewal;

    public FrameHandler(Messaging messaging, TokenRenewalOnSocket renewal) {
        this.messaging = messaging;
        this.renewal = renewal;
    }

    public Mono<Void> handle(ClientConnection connection, ClientFrame frame) {
        // deferred: a check that throws while the work is put together is answered like any refusal
        return Mono.defer(() -> dispatch(connection, frame))
                .onErrorResume(
                        failure -> {
                            connection.send(errorFrame(failure, refOf(frame)));
                            return Mono.empty();
                        });
    }

    private Mono<Void> dispatch(ClientConnection connection, ClientFrame frame) {
        return frame.accept(new Dispatch(connection));
    }

    /** What each kind of frame does on this socket; the compiler checks every kind is here. */
    private final class Dispatch implements ClientFrame.Handler<Mono<Void>> {
        private final ClientConnection connection;

        Dispatch(ClientConnection connection) {
            this.connection = connection;
        }

        @Override
        public Mono<Void> auth(ClientFrame.Auth frame) {
            // answered like any signal, so a flood of them is limited like one
            if (!connection.allowSignal()) {
                return Mono.error(rateLimited());
            }
            // signed in already: a staff member's renewed token moves the socket's end
            return renewal.renew(connection, frame.token());
        }

        @Override
        public Mono<Void> messageSend(ClientFrame.MessageSend frame) {
            return connection.allowMessage()
                    ? send(connection, required(frame.sessionId()), frame)
                    : Mono.error(rateLimited());
        }

        @Override
        public Mono<Void> typing(ClientFrame.Typing frame) {
            return connection.allowSignal()
                    ? messaging.typing(
                            participant(connection), required(frame.sessionId()), frame.typing())
                    : Mono.error(rateLimited());
        }

        @Override
        public Mono<Void> read(ClientFrame.Read frame) {
            return connection.allowSignal()
                    ? messaging.markRead(
                            participant(connection), required(frame.sessionId()), frame.upToSeq())
                    : Mono.error(rateLimited());
        }

        @Override
        public Mono<Void> resume(ClientFrame.Resume frame) {
            return connection.allowSignal()
                    ? FrameHandler.this.resume(connection, required(frame.sessionId()), frame)
                    : Mono.error(rateLimited());
        }

        @Override
        public Mono<Void> ping(ClientFrame.Ping frame) {
            // a ping costs an answer like any signal: limited like one
            if (!connection.allowSignal()) {
                return Mono.error(rateLimited());
            }
            connection.send(new ServerFrame.Pong());
            return Mono.empty();
        }
    }

    /** What an error frame refers to: the message's client id, or the frame's type. */
    private static final ClientFrame.Handler<String> REF_OF =
            new ClientFrame.Handler<>() {
                @Override
                public String auth(ClientFrame.Auth frame) {
                    return FrameTypes.AUTH;
                }

                @Override
                public String messageSend(ClientFrame.MessageSend frame) {
                    return frame.clientMsgId();
                }

                @Override
                public String typing(ClientFrame.Typing frame) {
                    return FrameTypes.TYPING;
                }

                @Override
                public String read(ClientFrame.Read frame) {
                    return FrameTypes.READ;
                }

                @Override
                public String resume(ClientFrame.Resume frame) {
                    return FrameTypes.RESUME;
                }

                @Override
                public String ping(ClientFrame.Ping frame) {
                    return FrameTypes.PING;
                }
            };

    private static String refOf(ClientFrame frame) {
        return frame.accept(REF_OF);
    }

    private Mono<Void> send(
            ClientConnection connection, UUID sessionId, ClientFrame.MessageSend send) {
        return messaging
                .send(participant(connection), sessionId, send.clientMsgId(), send.text())
                .doOnNext(
                        ack ->
                                connection.send(
                                        new ServerFrame.MessageAck(
                                                ack.sessionId(),
                                                ack.clientMsgId(),
                                                ack.seq(),
                                                ack.sentAt())))
                .then();
    }

    /**
     * The replay runs in the connection's own queue, placed there before the permission check
     * answers, so it never interleaves wrongly with the live messages arriving meanwhile.
     */
    private Mono<Void> resume(
            ClientConnection connection, UUID sessionId, ClientFrame.Resume resume) {
        return connection.resume(
                sessionId,
                resume.afterSeq(),
                // the check runs in the connection's queue, outside the handshake's context: the
                // socket's address goes with it, for the audit entry of a staff member's reading
                messaging
                        .mayResume(participant(connection), sessionId, resume.afterSeq())
                        .contextWrite(CallerAddress.of(connection.address())),
                after -> messaging.replay(sessionId, after),
                messaging.lastSeq(sessionId));
    }

    /** Who acts through this socket, as the message feature knows participants. */
    private static Participant participant(ClientConnection connection) {
        if (connection.principal() instanceof Principal.StaffMember member) {
            return new Participant.Member(member.staff(), connection::isAttached);
        }
        return new Participant.Visitor(((Principal.Visitor) connection.principal()).sessionId());
    }

    /**
     * The session a frame is about; a frame without one is refused ({@code validation_failed}
     * naming {@code session_id}) before any use case sees it. Thrown, so the refusal is answered
     * like any other.
     */
    private static UUID required(UUID sessionId) {
        if (sessionId == null) {
            throw Problem.invalidField("session_id", "is required");
        }
        return sessionId;
    }

    private static Problem rateLimited() {
        return new Problem(
                Problem.Kind.RATE_LIMITED, "rate_limited", "Too many frames; slow down.");
    }

    static ServerFrame.Error errorFrame(Throwable failure, String ref) {
        if (failure instanceof Problem problem) {
            String message =
                    problem.fields().isEmpty()
                            ? problem.getMessage()
                            : problem.getMessage() + " " + problem.fields();
            return new ServerFrame.Error(problem.code(), message, ref);
        }
        log.warn("Unexpected failure handling a frame ({})", ref, failure);
        return new ServerFrame.Error(
                "internal_error", "Something went wrong on our side; please try again.", ref);
    }
}
