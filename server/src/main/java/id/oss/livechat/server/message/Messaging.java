package id.oss.livechat.server.message;

import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.AttachmentInfo;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.MessageAck;
import id.oss.livechat.model.realtime.MessagePage;
import id.oss.livechat.model.realtime.Sender;
import id.oss.livechat.server.audit.AuditAction;
import id.oss.livechat.server.audit.AuditTrail;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.common.Transactions;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.session.ChatSession;
import id.oss.livechat.server.session.StaffSessions;
import id.oss.livechat.server.session.VisitorAccess;
import id.oss.livechat.server.session.VisitorPresence;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A chat's conversation, the one door to it for every transport (sockets, REST): sending (visitor,
 * staff, staff-only notes), typing, read marks, and reading it back (replay for a resume, the
 * visitor's REST fallback, the staff transcript). Who may do what is checked here.
 *
 * <p>A message is stored first, then published on the bus: one that was acknowledged is in
 * PostgreSQL whatever happens to the bus or the node afterwards.
 */
public class Messaging {
    public static final int VISITOR_PAGE_DEFAULT = 100;
    public static final int VISITOR_PAGE_MAX = 500;
    public static final int TRANSCRIPT_DEFAULT_LIMIT = 100;
    public static final int TRANSCRIPT_MAX_LIMIT = 500;
    static final int REPLAY_PAGE = 500;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final MessageStore store;
    private final ChatEventBus bus;
    private final VisitorAccess visitors;
    private final VisitorPresence presence;
    private final StaffSessions staffSessions;
    private final Transactions transactions;
    private final AuditTrail audit;
    private final int maxChars;

    public Messaging(
            MessageStore store,
            ChatEventBus bus,
            VisitorAccess visitors,
            VisitorPresence presence,
            StaffSessions staffSessions,
            Transactions transactions,
            AuditTrail audit,
            int maxChars) {
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
        this.bus = bus;
        this.visitors = visitors;
        this.presence = presence;
        this.staffSessions = staffSessions;
        this.maxChars = maxChars;
    }

    // sending

    /**
     * A visitor writes in the one session it belongs to; an agent in the chats it serves, a
     * supervisor in any open chat. Staff are checked with one read of the session.
     */
    public Mono<MessageAck> send(
            Participant from, UUID sessionId, String clientMsgId, String text) {
        check(sessionId, clientMsgId, text);
        if (from instanceof Participant.Member member) {
            Staff staff = member.staff();
            return staffSessions
                    .find(sessionId)
                    .switchIfEmpty(Mono.error(Problem.notFound("The session")))
                    .flatMap(session -> mayWrite(staff, session))
                    .then(
                            store(
                                    new MessageStore.NewMessage(
                                            sessionId,
                                            clientMsgId,
                                            SenderType.AGENT,
                                            staff.id(),
                                            staff.displayName(),
                                            text)));
        }
        if (!((Participant.Visitor) from).sessionId().equals(sessionId)) {
            return Mono.error(notYours());
        }
        return store(
                new MessageStore.NewMessage(
                        sessionId, clientMsgId, SenderType.VISITOR, null, null, text));
    }

    /**
     * A file as a message in the chat, from a visitor in its own session or staff who may write in
     * it (the same rules as {@link #send}). {@code storeFile} (the file's row and bytes) and the
     * message commit together, in one transaction: a closed chat, or any failure, leaves neither.
     * The message is published only after the commit. Its text is the file's name.
     */
    public Mono<MessageAck> sendAttachment(
            Participant from, UUID sessionId, AttachmentInfo file, Mono<Void> storeFile) {
        String clientMsgId = "att-" + file.id();
        MessageStore.NewMessage message =
                from instanceof Participant.Member member
                        ? new MessageStore.NewMessage(
                                sessionId,
                                clientMsgId,
                                SenderType.AGENT,
                                member.staff().id(),
                                member.staff().displayName(),
                                file.name(),
                                false,
                                file)
                        : new MessageStore.NewMessage(
                                sessionId,
                                clientMsgId,
                                SenderType.VISITOR,
                                null,
                                null,
                                file.name(),
                                false,
                                file);
        return mayWrite(from, sessionId)
                .then(
                        transactions.inTransaction(
                                () -> storeFile.then(store.appendInTransaction(message))))
                .flatMap(stored -> publish(message, stored));
    }

    /**
     * Whether {@code who} may write in the session now (403 or 404 otherwise): for a use case that
     * must know before it does costly work, like reading and sniffing an uploaded file. Storing
     * checks again.
     */
    public Mono<Void> mayWriteIn(Participant who, UUID sessionId) {
        return mayWrite(who, sessionId);
    }

    /** A visitor writes in its own session; staff as {@link #mayWrite(Staff, ChatSession)}. */
    private Mono<Void> mayWrite(Participant from, UUID sessionId) {
        if (from instanceof Participant.Member member) {
            return staffSessions
                    .find(sessionId)
                    .switchIfEmpty(Mono.error(Problem.notFound("The session")))
                    .flatMap(session -> mayWrite(member.staff(), session));
        }
        return ((Participant.Visitor) from).sessionId().equals(sessionId)
                ? Mono.empty()
                : Mono.error(notYours());
    }

    /** The REST fallback: a visitor proves its session with the session's visitor token. */
    public Mono<MessageAck> sendWithVisitorToken(
            UUID sessionId, String token, String clientMsgId, String text) {
        return visitors.authorize(sessionId, token)
                .flatMap(
                        session ->
                                send(
                                        new Participant.Visitor(session.id()),
                                        sessionId,
                                        clientMsgId,
                                        text));
    }

    /**
     * A staff-only note (a transfer, an agent who signed out): numbered with the chat's messages,
     * shown to staff, never to the visitor.
     */
    public Mono<Void> writeStaffNote(UUID sessionId, String text) {
        return store.append(
                        new MessageStore.NewMessage(
                                sessionId,
                                "note-" + UUID.randomUUID(),
                                SenderType.SYSTEM,
                                null,
                                null,
                                text,
                                true))
                .flatMap(stored -> bus.publish(new ChatEvent.MessageStored(stored.message())));
    }

    /**
     * A note a staff member writes in a chat for the other staff (a colleague taking over, a
     * supervisor watching): whoever may open the chat may write one while it is open. Stored with
     * the chat's numbers and sent to the staff who follow it, never to the visitor. Answers with
     * the stored note ({@code internal: true}); a resend with the same {@code clientMsgId} answers
     * with the first one.
     */
    public Mono<ChatMessage> writeNote(Staff who, UUID sessionId, String clientMsgId, String text) {
        FieldCheck.of()
                .rule(
                        clientMsgId == null || CLIENT_ID.matcher(clientMsgId).matches(),
                        "client_msg_id",
                        "must be 1 to 64 letters, digits or . _ : -")
                .rule(text != null && !text.isBlank(), "text", "is required")
                .rule(
                        text == null || text.length() <= maxChars,
                        "text",
                        "must be at most " + maxChars + " characters")
                .orThrow();
        MessageStore.NewMessage note =
                new MessageStore.NewMessage(
                        sessionId,
                        clientMsgId == null ? "note-" + UUID.randomUUID() : clientMsgId,
                        SenderType.AGENT,
                        who.id(),
                        who.displayName(),
                        text,
                        true);
        return staffSessions
                .get(who, sessionId)
                .then(store.append(note))
                .flatMap(this::publishNote);
    }

    private Mono<ChatMessage> publishNote(MessageStore.Stored stored) {
        return bus.publish(new ChatEvent.MessageStored(stored.message(), stored.session()))
                .thenReturn(stored.message());
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

    /** Stores the message, then publishes it; answers with its number. */
    private Mono<MessageAck> store(MessageStore.NewMessage message) {
        return store.append(message).flatMap(stored -> publish(message, stored));
    }

    private Mono<MessageAck> publish(MessageStore.NewMessage message, MessageStore.Stored stored) {
        return bus.publish(new ChatEvent.MessageStored(stored.message(), stored.session()))
                .thenReturn(
                        new MessageAck(
                                message.sessionId(),
                                message.clientMsgId(),
                                stored.message().seq(),
                                stored.message().sentAt()));
    }

    private void check(UUID sessionId, String clientMsgId, String text) {
        FieldCheck.of()
                .requiredPresent("session_id", sessionId)
                .rule(
                        clientMsgId != null && CLIENT_ID.matcher(clientMsgId).matches(),
                        "client_msg_id",
                        "is required: 1 to 64 letters, digits or . _ : -")
                .rule(text != null && !text.isBlank(), "text", "is required")
                .text("text", text)
                .rule(
                        text == null || text.length() <= maxChars,
                        "text",
                        "must be at most " + maxChars + " characters")
                .orThrow();
    }

    // typing and read marks

    /** "Typing" or "stopped typing", relayed to the other side of the chat. */
    public Mono<Void> typing(Participant who, UUID sessionId, boolean typing) {
        return mayFollow(who, sessionId)
                .then(bus.publish(new ChatEvent.Typing(sessionId, senderOf(who), typing)));
    }

    /**
     * The visitor's last socket closed (the tab was closed, perhaps mid-sentence): it is not typing
     * any more, whatever it said last.
     */
    public Mono<Void> visitorLeft(UUID sessionId) {
        return bus.publish(
                new ChatEvent.Typing(sessionId, new Sender(SenderType.VISITOR, null, null), false));
    }

    /** How far {@code who} has read: stored (never backwards), then relayed to the other side. */
    public Mono<Void> markRead(Participant who, UUID sessionId, long upToSeq) {
        SenderType reader = senderOf(who).type();
        return mayFollow(who, sessionId)
                .then(store.markRead(sessionId, reader, upToSeq))
                .then(bus.publish(new ChatEvent.ReadUpTo(sessionId, reader, upToSeq)));
    }

    /** A visitor follows its own session; staff the chats they serve, oversee, or may open. */
    private Mono<Void> mayFollow(Participant who, UUID sessionId) {
        if (sessionId == null) {
            return Mono.error(Problem.invalidField("session_id", "is required"));
        }
        if (who instanceof Participant.Member member) {
            if (member.follows().test(sessionId) || member.staff().overseesAllChats()) {
                return Mono.empty();
            }
            return staffSessions.get(member.staff(), sessionId).then();
        }
        return ((Participant.Visitor) who).sessionId().equals(sessionId)
                ? Mono.empty()
                : Mono.error(notYours());
    }

    private static Sender senderOf(Participant who) {
        if (who instanceof Participant.Member member) {
            return new Sender(SenderType.AGENT, member.staff().id(), member.staff().displayName());
        }
        return new Sender(SenderType.VISITOR, null, null);
    }

    // reading back

    /**
     * Whether {@code who} may have the chat replayed from {@code afterSeq}: a visitor its own
     * session, staff a chat they may open. Staff reading a chat's messages this way is audited as
     * reading its transcript over REST is ({@code session.transcript_read}), before anything is
     * replayed: a socket is no way round the trail.
     */
    public Mono<Void> mayResume(Participant who, UUID sessionId, long afterSeq) {
        if (sessionId == null || afterSeq < 0) {
            return Mono.error(
                    Problem.invalidField(
                            "after_seq", "session_id and a non-negative after_seq are required"));
        }
        if (who instanceof Participant.Member member) {
            return staffSessions
                    .get(member.staff(), sessionId)
                    .then(
                            audit.record(
                                    member.staff(),
                                    AuditAction.TRANSCRIPT_READ,
                                    "session:" + sessionId,
                                    "socket resume after_seq=" + afterSeq));
        }
        return ((Participant.Visitor) who).sessionId().equals(sessionId)
                ? Mono.empty()
                : Mono.error(notYours());
    }

    /**
     * Every message after {@code afterSeq}, in pages, in order, staff-only notes included (a
     * visitor's socket passes over them itself). For deliveries the caller has decided on.
     */
    public Flux<ChatMessage> replay(UUID sessionId, long afterSeq) {
        return store.after(sessionId, afterSeq, REPLAY_PAGE)
                .collectList()
                .expand(
                        page ->
                                page.size() < REPLAY_PAGE
                                        ? Mono.empty()
                                        : store.after(
                                                        sessionId,
                                                        page.get(page.size() - 1).seq(),
                                                        REPLAY_PAGE)
                                                .collectList())
                .flatMapIterable(page -> page);
    }

    /** The messages of a gap, {@code afterSeq < seq < beforeSeq}, in order. */
    public Flux<ChatMessage> between(UUID sessionId, long afterSeq, long beforeSeq) {
        return store.after(
                        sessionId,
                        afterSeq,
                        (int) Math.min(beforeSeq - afterSeq - 1, Integer.MAX_VALUE))
                .filter(m -> m.seq() < beforeSeq);
    }

    /** The session's newest sequence number (0 when it has none, or there is no session). */
    public Mono<Long> lastSeq(UUID sessionId) {
        return store.lastSeq(sessionId).defaultIfEmpty(0L);
    }

    /** The REST fallback: what the visitor may read after {@code afterSeq}; the visitor is seen. */
    public Mono<MessagePage> readWithVisitorToken(
            UUID sessionId, String token, long afterSeq, Integer limit) {
        int size = limit == null ? VISITOR_PAGE_DEFAULT : limit;
        FieldCheck.of()
                .rule(
                        size >= 1 && size <= VISITOR_PAGE_MAX,
                        "limit",
                        "must be between 1 and " + VISITOR_PAGE_MAX)
                .rule(afterSeq >= 0, "after_seq", "must not be negative")
                .orThrow();
        return visitors.authorize(sessionId, token)
                .flatMap(
                        session ->
                                presence.seen(sessionId)
                                        .then(
                                                store.visibleToVisitorAfter(
                                                                sessionId, afterSeq, size + 1)
                                                        .collectList())
                                        .map(
                                                found ->
                                                        page(
                                                                sessionId,
                                                                found,
                                                                size,
                                                                session.lastSeq())));
    }

    /** A chat's whole conversation for staff who may open it, staff-only notes included. */
    public Mono<MessagePage> transcript(Staff who, UUID sessionId, long afterSeq, Integer limit) {
        int size = limit == null ? TRANSCRIPT_DEFAULT_LIMIT : limit;
        FieldCheck.of()
                .rule(
                        size >= 1 && size <= TRANSCRIPT_MAX_LIMIT,
                        "limit",
                        "must be between 1 and " + TRANSCRIPT_MAX_LIMIT)
                .rule(afterSeq >= 0, "after_seq", "must not be negative")
                .orThrow();
        return staffSessions
                .get(who, sessionId)
                .flatMap(
                        session ->
                                store.after(sessionId, afterSeq, size + 1)
                                        .collectList()
                                        .map(
                                                found ->
                                                        page(
                                                                sessionId,
                                                                found,
                                                                size,
                                                                session.lastSeq())));
    }

    /**
     * A page of at most {@code size} messages, from {@code size + 1} read to tell if more exist.
     */
    private static MessagePage page(
            UUID sessionId, List<ChatMessage> found, int size, long lastSeq) {
        boolean more = found.size() > size;
        return new MessagePage(sessionId, more ? found.subList(0, size) : found, more, lastSeq);
    }

    private static Problem notYours() {
        return Problem.forbidden("This socket belongs to another session.");
    }
}
