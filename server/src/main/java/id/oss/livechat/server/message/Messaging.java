package id.oss.livechat.server.realtime;

import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.MessageAck;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.message.MessageStore;
import id.oss.livechat.server.session.ChatSession;
import id.oss.livechat.server.session.SessionRepository;
import java.util.UUID;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * Sending a message, over a socket or the REST fallback: check who may write where, store it with
 * the session's next number, then publish it. Storage comes first, so a message that was
 * acknowledged is in PostgreSQL whatever happens to the bus or the node afterwards.
 */
public class ChatMessaging {
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final MessageStore store;
    private final SessionRepository sessions;
    private final ChatEventBus bus;
    private final int maxChars;

    public ChatMessaging(
            MessageStore store, SessionRepository sessions, ChatEventBus bus, int maxChars) {
        this.store = store;
        this.sessions = sessions;
        this.bus = bus;
        this.maxChars = maxChars;
    }

    /** A visitor writes in the one session its token proves. */
    public Mono<MessageAck> sendAsVisitor(
            UUID ownSession, UUID sessionId, String clientMsgId, String text) {
        check(sessionId, clientMsgId, text);
        if (!ownSession.equals(sessionId)) {
            return Mono.error(Problem.forbidden("This socket belongs to another session."));
        }
        return send(
                new MessageStore.NewMessage(
                        sessionId, clientMsgId, SenderType.VISITOR, null, null, text));
    }

    /** An agent writes in the chats it serves; a supervisor in any open chat. */
    public Mono<MessageAck> sendAsStaff(
            Staff staff, UUID sessionId, String clientMsgId, String text) {
        check(sessionId, clientMsgId, text);
        return sessions.findById(sessionId)
                .switchIfEmpty(Mono.error(Problem.notFound("The session")))
                .flatMap(
                        session ->
                                mayWrite(staff, session)
                                        .then(
                                                send(
                                                        new MessageStore.NewMessage(
                                                                sessionId,
                                                                clientMsgId,
                                                                SenderType.AGENT,
                                                                staff.id(),
                                                                staff.displayName(),
                                                                text))));
    }

    private Mono<Void> mayWrite(Staff staff, ChatSession session) {
        if (session.isClosed()) {
            return Mono.error(Problem.conflict("session_closed", "This chat is closed."));
        }
        if (staff.overseesAllChats()
                || (session.status() == SessionStatus.ACTIVE
                        && staff.id().equals(session.agentId()))) {
            return Mono.empty();
        }
        return Mono.error(
                Problem.forbidden(
                        session.status() == SessionStatus.WAITING
                                ? "Take the chat from the queue before writing in it."
                                : "This chat is served by another agent."));
    }

    private Mono<MessageAck> send(MessageStore.NewMessage message) {
        return store.append(message)
                .flatMap(
                        stored ->
                                bus.publish(
                                                new ChatEvent.MessageStored(
                                                        stored.message(), stored.session()))
                                        .thenReturn(
                                                new MessageAck(
                                                        message.sessionId(),
                                                        message.clientMsgId(),
                                                        stored.message().seq(),
                                                        stored.message().sentAt())));
    }

    private void check(UUID sessionId, String clientMsgId, String text) {
        FieldCheck.of()
                .requiredPresent("session_id", sessionId)
                .rule(
                        clientMsgId != null && CLIENT_ID.matcher(clientMsgId).matches(),
                        "client_msg_id",
                        "is required: 1 to 64 letters, digits or . _ : -")
                .rule(text != null && !text.isBlank(), "text", "is required")
                .rule(
                        text == null || text.length() <= maxChars,
                        "text",
                        "must be at most " + maxChars + " characters")
                .orThrow();
    }
}
