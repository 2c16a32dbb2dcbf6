package id.oss.livechat.server.realtime;

import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.FrameTypes;
import id.oss.livechat.model.realtime.MessageAck;
import id.oss.livechat.model.realtime.Sender;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.session.ChatSession;
import id.oss.livechat.server.session.SessionRepository;
import id.oss.livechat.server.session.StaffSessions;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * What each frame a signed-in client sends does. A refused frame is answered with an {@code error}
 * frame naming what it refers to; the socket stays open and nothing is stored.
 */
public class FrameHandler {
    private static final Logger log = LoggerFactory.getLogger(FrameHandler.class);

    private final ChatMessaging messaging;
    private final SessionRepository sessions;
    private final StaffSessions staffSessions;
    private final ChatEventBus bus;
    private final DeliveryDispatcher dispatcher;

    public FrameHandler(
            ChatMessaging messaging,
            SessionRepository sessions,
            StaffSessions staffSessions,
            ChatEventBus bus,
            DeliveryDispatcher dispatcher) {
        this.messaging = messaging;
        this.sessions = sessions;
        this.staffSessions = staffSessions;
        this.bus = bus;
        this.dispatcher = dispatcher;
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
        if (frame instanceof ClientFrame.MessageSend send) {
            return connection.allowMessage() ? send(connection, send) : Mono.error(rateLimited());
        } else if (frame instanceof ClientFrame.Typing typing) {
            return connection.allowSignal()
                    ? typing(connection, typing)
                    : Mono.error(rateLimited());
        } else if (frame instanceof ClientFrame.Read read) {
            return connection.allowSignal() ? read(connection, read) : Mono.error(rateLimited());
        } else if (frame instanceof ClientFrame.Resume resume) {
            return connection.allowSignal()
                    ? resume(connection, resume)
                    : Mono.error(rateLimited());
        } else if (frame instanceof ClientFrame.Ping) {
            connection.send(new ServerFrame.Pong());
            return Mono.empty();
        }
        return Mono.error(
                new Problem(
                        Problem.Kind.CONFLICT,
                        "already_authenticated",
                        "This socket is signed in already."));
    }

    /** What an error frame refers to: the message's client id, or the frame's type. */
    private static String refOf(ClientFrame frame) {
        if (frame instanceof ClientFrame.MessageSend send) {
            return send.clientMsgId();
        } else if (frame instanceof ClientFrame.Typing) {
            return FrameTypes.TYPING;
        } else if (frame instanceof ClientFrame.Read) {
            return FrameTypes.READ;
        } else if (frame instanceof ClientFrame.Resume) {
            return FrameTypes.RESUME;
        } else if (frame instanceof ClientFrame.Ping) {
            return FrameTypes.PING;
        }
        return FrameTypes.AUTH;
    }

    private Mono<Void> send(ClientConnection connection, ClientFrame.MessageSend send) {
        Mono<MessageAck> ack =
                connection.principal() instanceof Principal.Visitor visitor
                        ? messaging.sendAsVisitor(
                                visitor.sessionId(),
                                send.sessionId(),
                                send.clientMsgId(),
                                send.text())
                        : messaging.sendAsStaff(
                                staffOf(connection),
                                send.sessionId(),
                                send.clientMsgId(),
                                send.text());
        return ack.doOnNext(
                        a ->
                                connection.send(
                                        new ServerFrame.MessageAck(
                                                a.sessionId(),
                                                a.clientMsgId(),
                                                a.seq(),
                                                a.sentAt())))
                .then();
    }

    private Mono<Void> typing(ClientConnection connection, ClientFrame.Typing typing) {
        return mayFollow(connection, typing.sessionId())
                .then(
                        bus.publish(
                                new ChatEvent.Typing(
                                        typing.sessionId(),
                                        senderOf(connection),
                                        typing.typing())));
    }

    private Mono<Void> read(ClientConnection connection, ClientFrame.Read read) {
        SenderType reader = senderOf(connection).type();
        return mayFollow(connection, read.sessionId())
                .then(sessions.markRead(read.sessionId(), reader, read.upToSeq()))
                .then(
                        bus.publish(
                                new ChatEvent.ReadUpTo(read.sessionId(), reader, read.upToSeq())));
    }

    private Mono<Void> resume(ClientConnection connection, ClientFrame.Resume resume) {
        if (resume.sessionId() == null || resume.afterSeq() < 0) {
            return Mono.error(
                    Problem.invalidField(
                            "after_seq", "session_id and a non-negative after_seq are required"));
        }
        UUID sessionId = resume.sessionId();
        Mono<Void> allowed =
                connection.principal() instanceof Principal.Visitor visitor
                        ? (visitor.sessionId().equals(sessionId)
                                ? Mono.empty()
                                : Mono.error(notYours()))
                        : staffSessions.get(staffOf(connection), sessionId).then();
        return allowed.then(
                Mono.fromRunnable(
                        () ->
                                connection.resume(
                                        sessionId,
                                        resume.afterSeq(),
                                        after -> dispatcher.replay(sessionId, after),
                                        sessions.findById(sessionId)
                                                .map(ChatSession::lastSeq)
                                                .defaultIfEmpty(0L))));
    }

    /** A visitor follows its own session; staff the chats they serve or oversee. */
    private Mono<Void> mayFollow(ClientConnection connection, UUID sessionId) {
        if (sessionId == null) {
            return Mono.error(Problem.invalidField("session_id", "is required"));
        }
        if (connection.principal() instanceof Principal.Visitor visitor) {
            return visitor.sessionId().equals(sessionId) ? Mono.empty() : Mono.error(notYours());
        }
        if (connection.isAttached(sessionId) || staffOf(connection).overseesAllChats()) {
            return Mono.empty();
        }
        return staffSessions.get(staffOf(connection), sessionId).then();
    }

    private static id.oss.livechat.server.common.Staff staffOf(ClientConnection connection) {
        return ((Principal.StaffMember) connection.principal()).staff();
    }

    private static Sender senderOf(ClientConnection connection) {
        if (connection.principal() instanceof Principal.StaffMember member) {
            return new Sender(SenderType.AGENT, member.staff().id(), member.staff().displayName());
        }
        return new Sender(SenderType.VISITOR, null, null);
    }

    private static Problem notYours() {
        return Problem.forbidden("This socket belongs to another session.");
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
