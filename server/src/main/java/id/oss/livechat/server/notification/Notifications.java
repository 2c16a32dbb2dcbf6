package id.oss.livechat.server.notification;

import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.visitor.TranscriptRequest;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Texts;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.hours.DepartmentOpening;
import id.oss.livechat.server.message.MessageStore;
import id.oss.livechat.server.session.VisitorAccess;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Which mails the help desk sends, queued in the outbox (the worker sends them):
 *
 * <ul>
 *   <li>the transcript to the visitor's contact address when the chat closes, or on request;
 *   <li>a notice to the visitor when an agent replies after the visitor left;
 *   <li>a visitor's message, written while nobody of the department is online or outside its
 *       opening hours, to the department's address: one mail per chat per {@code offlineWindow},
 *       however many messages the visitor writes.
 * </ul>
 *
 * Mail goes only to addresses a session knows: its contact address, or its visitor's verified OSS
 * account address. Nothing a request says can send our mail anywhere else.
 */
public class Notifications {
    public static final int TRANSCRIPT_MAX_MESSAGES = 5000;

    private final MailOutbox outbox;
    private final MailSource source;
    private final MessageStore messages;
    private final MailTemplates templates;
    private final VisitorAccess access;
    private final Clock clock;
    private final Duration visitorAwayAfter;
    private final Duration offlineWindow;
    private final DepartmentOpening opening;

    public Notifications(
            MailOutbox outbox,
            MailSource source,
            MessageStore messages,
            MailTemplates templates,
            VisitorAccess access,
            Clock clock,
            Duration visitorAwayAfter,
            Duration offlineWindow) {
        this(
                outbox,
                source,
                messages,
                templates,
                access,
                clock,
                visitorAwayAfter,
                offlineWindow,
                DepartmentOpening.ALWAYS);
    }

    public Notifications(
            MailOutbox outbox,
            MailSource source,
            MessageStore messages,
            MailTemplates templates,
            VisitorAccess access,
            Clock clock,
            Duration visitorAwayAfter,
            Duration offlineWindow,
            DepartmentOpening opening) {
        this.outbox = outbox;
        this.source = source;
        this.messages = messages;
        this.templates = templates;
        this.access = access;
        this.clock = clock;
        this.visitorAwayAfter = visitorAwayAfter;
        this.offlineWindow = offlineWindow;
        this.opening = opening;
    }

    /** Reacts to what happened on this node. */
    public Mono<Void> on(ChatEvent event) {
        if (event instanceof ChatEvent.SessionChanged changed
                && changed.status() == SessionStatus.CLOSED) {
            return transcriptOnClose(changed.sessionId());
        }
        if (event instanceof ChatEvent.MessageStored stored && stored.session() != null) {
            return onMessage(stored.message(), stored.session());
        }
        return Mono.empty();
    }

    Mono<Void> transcriptOnClose(UUID sessionId) {
        return source.context(sessionId)
                .filter(context -> context.contactEmail() != null)
                .flatMap(
                        context ->
                                transcript(
                                        context,
                                        context.contactEmail(),
                                        transcriptKey(sessionId, context.contactEmail())))
                .then();
    }

    /**
     * One transcript per address per session: the one mailed on close and the one the visitor asks
     * for are the same mail. Addresses differ only in case and spaces are one address.
     */
    static String transcriptKey(UUID sessionId, String address) {
        return "transcript:" + sessionId + ":" + address.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * What a transcript request did. {@code alreadySent}: this chat's transcript went to this
     * address before (on close, or on an earlier request), so no second one is sent.
     */
    public record TranscriptRequested(String email, boolean alreadySent) {}

    /**
     * {@code POST session/:id/transcript}: the visitor asks for the transcript of a chat that
     * ended. It goes to an address the session knows (the contact's, else the OSS account's); an
     * {@code email} in the request only picks one of those. So at most one transcript per known
     * address: two at the most for a session.
     */
    public Mono<TranscriptRequested> requestTranscript(
            UUID sessionId, String token, TranscriptRequest request) {
        String email = Texts.clean(request.email());
        FieldCheck.of().line("email", email, 255).email("email", email).orThrow();
        return access.authorize(sessionId, token)
                .flatMap(
                        session ->
                                session.isClosed()
                                        ? source.context(sessionId)
                                        : Mono.error(
                                                Problem.conflict(
                                                        "session_not_closed",
                                                        "The transcript is sent once the chat has ended.")))
                .flatMap(
                        context -> {
                            List<String> known = context.knownAddresses();
                            if (known.isEmpty()) {
                                return Mono.error(
                                        Problem.invalidField(
                                                "email",
                                                "no address is known for this chat: the contact"
                                                        + " form was not filled in"));
                            }
                            String to =
                                    email == null
                                            ? known.get(0)
                                            : known.stream()
                                                    .filter(k -> k.equalsIgnoreCase(email))
                                                    .findFirst()
                                                    .orElse(null);
                            if (to == null) {
                                return Mono.error(
                                        Problem.invalidField(
                                                "email",
                                                "must be this chat's contact address or the OSS"
                                                        + " account's address"));
                            }
                            return transcript(context, to, transcriptKey(sessionId, to))
                                    .map(queued -> new TranscriptRequested(to, !queued))
                                    .defaultIfEmpty(new TranscriptRequested(to, false));
                        });
    }

    private Mono<Boolean> transcript(MailContext context, String to, String key) {
        return messages.visibleToVisitorAfter(context.sessionId(), 0, TRANSCRIPT_MAX_MESSAGES)
                .collectList()
                .filter(list -> !list.isEmpty())
                .flatMap(
                        list -> {
                            MailTemplates.Rendered mail = templates.transcript(context, list);
                            return outbox.enqueue(
                                    new Mail(
                                            key,
                                            Mail.Kind.TRANSCRIPT,
                                            to,
                                            context.language(),
                                            mail.subject(),
                                            mail.text(),
                                            mail.html(),
                                            context.sessionId()));
                        });
    }

    /**
     * One offline mail per chat per {@code offlineWindow} of the chat's life (its first 15 minutes,
     * the next 15, … with the default): the first message of a window is mailed, the rest are read
     * in the desk. A visitor who writes fifty lines sends the department one mail, not fifty.
     */
    String offlineKey(ChatMessage message, java.time.Instant chatStarted) {
        long age = Math.max(0, Duration.between(chatStarted, message.sentAt()).toSeconds());
        long window = age / Math.max(1, offlineWindow.toSeconds());
        return "offline:" + message.sessionId() + ":" + window;
    }

    private Mono<Void> onMessage(ChatMessage message, ChatEvent.SessionSnapshot session) {
        if (message.sender().type() == SenderType.AGENT
                && session.visitorLastSeenAt() != null
                && session.visitorLastSeenAt().isBefore(clock.instant().minus(visitorAwayAfter))) {
            // one notice per absence: the key changes when the visitor comes back and leaves again
            String key =
                    "reply:"
                            + message.sessionId()
                            + ":"
                            + session.visitorLastSeenAt().toEpochMilli();
            return source.context(message.sessionId())
                    .filter(context -> context.contactEmail() != null)
                    .flatMap(
                            context -> {
                                MailTemplates.Rendered mail =
                                        templates.replyNotice(context, message);
                                return outbox.enqueue(
                                        new Mail(
                                                key,
                                                Mail.Kind.REPLY_NOTICE,
                                                context.contactEmail(),
                                                context.language(),
                                                mail.subject(),
                                                mail.text(),
                                                mail.html(),
                                                context.sessionId()));
                            })
                    .then();
        }
        if (message.sender().type() == SenderType.VISITOR
                && session.status() == SessionStatus.WAITING) {
            return opening.isOpenNow(session.departmentId())
                    .flatMap(open -> messageForDepartment(message, !open));
        }
        return Mono.empty();
    }

    /**
     * A visitor's message in a waiting chat goes to the department's address when nobody there can
     * read it now: no agent online, or the department closed by its opening hours.
     */
    private Mono<Void> messageForDepartment(ChatMessage message, boolean closedHours) {
        return source.context(message.sessionId())
                .filter(
                        context ->
                                (closedHours || context.departmentAgentsOnline() == 0)
                                        && context.departmentEmail() != null)
                .flatMap(
                        context -> {
                            MailTemplates.Rendered mail =
                                    templates.offlineMessage(
                                            context, message, offlineWindow, closedHours);
                            return outbox.enqueue(
                                    new Mail(
                                            offlineKey(message, context.startedAt()),
                                            Mail.Kind.OFFLINE_MESSAGE,
                                            context.departmentEmail(),
                                            id.oss.livechat.model.Language.ID,
                                            mail.subject(),
                                            mail.text(),
                                            mail.html(),
                                            context.sessionId()));
                        })
                .then();
    }
}
