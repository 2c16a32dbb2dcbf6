package id.oss.livechat.server.session;

import id.oss.livechat.model.Language;
import id.oss.livechat.model.Priority;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.visitor.Contact;
import id.oss.livechat.model.visitor.ContactRequest;
import id.oss.livechat.model.visitor.ContactResponse;
import id.oss.livechat.model.visitor.DepartmentRef;
import id.oss.livechat.model.visitor.HistoryItem;
import id.oss.livechat.model.visitor.HistoryPage;
import id.oss.livechat.model.visitor.RatingRequest;
import id.oss.livechat.model.visitor.SessionView;
import id.oss.livechat.model.visitor.StartChatRequest;
import id.oss.livechat.model.visitor.StartChatResponse;
import id.oss.livechat.server.agent.Department;
import id.oss.livechat.server.agent.DepartmentRepository;
import id.oss.livechat.server.casecontext.CaseContexts;
import id.oss.livechat.server.casecontext.ReceivedContext;
import id.oss.livechat.server.common.ClientInfo;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.PrivacyNotice;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Texts;
import id.oss.livechat.server.common.Transactions;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.routing.QueuePlace;
import id.oss.livechat.server.routing.QueueStatus;
import id.oss.livechat.server.routing.Router;
import id.oss.livechat.server.visitor.VisitorIdentities;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The visitor's side of a session: start it, say who you are, look at it, list your history. */
public class VisitorSessions {
    public static final int TOPIC_MAX = 255;
    public static final int HISTORY_DEFAULT_LIMIT = 20;
    public static final int HISTORY_MAX_LIMIT = 100;
    private static final java.time.Duration QUEUE_RETRY = java.time.Duration.ofMinutes(1);

    /**
     * How many chats may wait at once: started from one client address (an office of fifty behind
     * one address still chats; a script there cannot fill the queue), and in one department.
     */
    public record QueueCaps(int perAddress, int perDepartment) {}

    private final SessionRepository sessions;
    private final DepartmentRepository departments;
    private final VisitorIdentities identities;
    private final VisitorAccess access;
    private final QueueStatus queue;
    private final Transactions transactions;
    private final Router router;
    private final ChatEventBus bus;
    private final QueueCaps caps;
    private final CaseContexts contexts;
    private final Clock clock;

    private final PrivacyNotice notice;

    public VisitorSessions(
            SessionRepository sessions,
            DepartmentRepository departments,
            VisitorIdentities identities,
            VisitorAccess access,
            QueueStatus queue,
            Transactions transactions,
            Router router,
            ChatEventBus bus,
            QueueCaps caps,
            CaseContexts contexts,
            Clock clock,
            PrivacyNotice notice) {
        this.notice = notice;
        this.sessions = sessions;
        this.departments = departments;
        this.identities = identities;
        this.access = access;
        this.queue = queue;
        this.transactions = transactions;
        this.router = router;
        this.bus = bus;
        this.caps = caps;
        this.contexts = contexts;
        this.clock = clock;
    }

    /** {@code start}: a new session waiting in its department's queue. */
    public Mono<StartChatResponse> start(StartChatRequest request, ClientInfo client) {
        VisitorIdentities.Claim claim =
                new VisitorIdentities.Claim(
                        request.browserUuid(),
                        request.ossUserId(),
                        request.email(),
                        request.identityHash());
        String topicCode = Texts.clean(request.topicCode());
        Optional<Topics.Topic> listed = Topics.find(topicCode);
        // a topic of the list is stored under its Indonesian name; a free text as it came
        String topic = listed.map(Topics.Topic::indonesian).orElse(Texts.clean(request.topic()));
        FieldCheck check = FieldCheck.of();
        if (topicCode == null) {
            check.requiredLine("topic", topic, TOPIC_MAX);
        } else {
            check.rule(listed.isPresent(), "topic_code", "is not a topic of the list");
        }
        VisitorIdentities.check(claim, check);
        notice.checkConsent(request.privacyConsent(), check);
        // the citizen's case: its shape refused here, its signature only decides whether it routes
        Optional<ReceivedContext> received =
                contexts.receive(request.context(), request.contextHash(), check);
        check.orThrow();
        Priority priority = request.priority() == null ? Priority.NORMAL : request.priority();
        check.rule(
                visitorMayAskFor(priority, claim),
                "priority",
                "a visitor may ask for low or normal, and a visitor logged in to OSS also for"
                        + " high; staff raise a chat further");
        check.orThrow();
        Language language = request.language() == null ? Language.ID : request.language();
        VisitorToken.Issued token = VisitorToken.issue();

        NewChat chat =
                new NewChat(
                        claim,
                        client,
                        topic,
                        listed.map(Topics.Topic::code).orElse(null),
                        priority,
                        language,
                        token,
                        received,
                        notice.isShown() ? notice.version() : null);
        return departmentFor(request, received)
                .flatMap(department -> startIn(department, chat, token.token()));
    }

    /** Stored and committed, routed, then answered with where it stands. */
    private Mono<StartChatResponse> startIn(Department department, NewChat chat, String token) {
        return createSession(chat, department)
                .flatMap(this::routeNewSession)
                .map(started -> response(started, department, token));
    }

    /**
     * Anonymous visitors wait as everyone does (or lower); a visitor whose OSS login the portal
     * proves may ask for {@code high}. Only staff make a chat {@code urgent}. (The proof itself is
     * checked when the visitor is looked up: a false one is refused there.)
     */
    static boolean visitorMayAskFor(Priority priority, VisitorIdentities.Claim claim) {
        return switch (priority) {
            case LOW, NORMAL -> true;
            case HIGH -> claim.isOssUser();
            case URGENT -> false;
        };
    }

    private record NewChat(
            VisitorIdentities.Claim claim,
            ClientInfo client,
            String topic,
            String topicCode,
            Priority priority,
            Language language,
            VisitorToken.Issued token,
            Optional<ReceivedContext> received,
            String consentNotice) {}

    /**
     * One call stores the session if the queue has room (an anonymous visitor with it); a logged-in
     * visitor's account is settled first in the same transaction, and a case context stored with
     * it. The value comes once the transaction has committed: routing reads the new chat from
     * another connection.
     */
    private Mono<Started> createSession(NewChat chat, Department department) {
        return transactions
                .inTransaction(
                        () ->
                                visitorOf(chat)
                                        .flatMap(visitor -> startIfRoom(chat, department, visitor))
                                        .flatMap(
                                                created ->
                                                        contexts.store(
                                                                        created.session().id(),
                                                                        chat.received())
                                                                .thenReturn(created)))
                .flux()
                .last();
    }

    private Mono<NewSession.Visitor> visitorOf(NewChat chat) {
        if (!chat.claim().isOssUser()) {
            return Mono.just(
                    NewSession.Visitor.anonymous(chat.claim().browserUuid(), chat.client()));
        }
        return identities
                .accountForNewChat(chat.claim(), chat.client())
                .map(account -> NewSession.Visitor.stored(account.id(), chat.client()));
    }

    private Mono<Started> startIfRoom(
            NewChat chat, Department department, NewSession.Visitor visitor) {
        NewSession session =
                new NewSession(
                        visitor,
                        department.id(),
                        chat.topic(),
                        chat.topicCode(),
                        chat.priority(),
                        chat.language(),
                        chat.token().hash(),
                        clock.instant(),
                        chat.consentNotice());
        return sessions.startIfRoom(session, caps.perDepartment(), caps.perAddress())
                .flatMap(
                        outcome ->
                                outcome.refusal() == null
                                        ? Mono.just(
                                                new Started(
                                                        outcome.session(),
                                                        visitor.chatUserId() == null,
                                                        Optional.empty()))
                                        : Mono.error(noRoom(outcome.refusal())));
    }

    /** A start refused for the queue's sake: the department's queue, or this address's share. */
    private static Problem noRoom(SessionRepository.StartRefusal refusal) {
        return switch (refusal) {
            case QUEUE_FULL ->
                    Problem.unavailable(
                            "queue_full",
                            "Too many visitors are waiting in this department;"
                                    + " please try again in a few minutes.",
                            QUEUE_RETRY);
            case ADDRESS_FULL ->
                    Problem.rateLimited(
                            "Too many chats from your network are waiting"
                                    + " already; please try again once one"
                                    + " is answered.",
                            QUEUE_RETRY);
        };
    }

    /**
     * A new session: {@code anonymous} when its visitor is a browser's, not an account; its place
     * in the queue while it waits.
     */
    private record Started(ChatSession session, boolean anonymous, Optional<QueuePlace> place) {}

    /**
     * A new session may be taken at once: route it, then tell where it stands. Still waiting (the
     * usual case in a rush), its place says so and the session is as stored; otherwise it is read
     * again (taken at once, or ended meanwhile).
     */
    private Mono<Started> routeNewSession(Started created) {
        ChatSession session = created.session();
        return bus.publish(new ChatEvent.QueueChanged(session.departmentId()))
                .then(router.routeDepartment(session.departmentId()))
                .then(placeOf(session))
                .flatMap(
                        place ->
                                place.isPresent()
                                        ? Mono.just(
                                                new Started(session, created.anonymous(), place))
                                        : sessions.findById(session.id())
                                                .map(
                                                        now ->
                                                                new Started(
                                                                        now,
                                                                        created.anonymous(),
                                                                        Optional.empty())));
    }

    private static StartChatResponse response(
            Started started, Department department, String token) {
        ChatSession s = started.session();
        Optional<QueuePlace> place = started.place();
        return new StartChatResponse(
                s.id(),
                s.chatUserId(),
                s.status(),
                true,
                token,
                started.anonymous(),
                s.topicIn(s.language()),
                s.topicCode(),
                s.priority(),
                new DepartmentRef(department.id(), department.code(), department.name()),
                place.map(QueuePlace::position).orElse(null),
                place.map(QueuePlace::expectedWaitSeconds).orElse(null),
                place.map(QueuePlace::agentsOnline).orElse(0),
                s.startedAt());
    }

    /** {@code contact}: who the visitor is, for this session. */
    public Mono<ContactResponse> saveContact(ContactRequest request, String token) {
        Contact contact =
                new Contact(
                        Texts.clean(request.contactName()),
                        Texts.clean(request.contactEmail()),
                        Texts.clean(request.contactPhone()),
                        Texts.clean(request.position()),
                        Texts.clean(request.companyName()));
        FieldCheck check = FieldCheck.of();
        notice.checkConsent(request.privacyConsent(), check);
        check.requiredPresent("session_id", request.sessionId())
                .requiredLine("contact_name", contact.contactName(), 255)
                .requiredLine("contact_email", contact.contactEmail(), 255)
                .email("contact_email", contact.contactEmail())
                .line("contact_phone", contact.contactPhone(), 50)
                .phone("contact_phone", contact.contactPhone())
                .line("position", contact.position(), 255)
                .line("company_name", contact.companyName(), 255)
                .orThrow();
        return access.authorize(request.sessionId(), token)
                .flatMap(
                        session -> {
                            if (session.isClosed()) {
                                return Mono.error(
                                        Problem.conflict(
                                                "session_closed",
                                                "This session is closed; start a new chat."));
                            }
                            return sessions.saveContact(session.id(), contact, consentTo(request))
                                    .flatMap(saved -> showToStaff(session.id(), saved));
                        })
                .map(
                        stored ->
                                new ContactResponse(
                                        request.sessionId(),
                                        contact.contactName(),
                                        contact.contactEmail(),
                                        contact.contactPhone(),
                                        contact.position(),
                                        contact.companyName(),
                                        false,
                                        stored));
    }

    /**
     * The desk shows the name and contact at once: the agent told is the one the session had when
     * the contact was stored, not when the request came in (the chat may have been assigned in
     * between, and that assignment read the session before the contact was there).
     */
    private Mono<Instant> showToStaff(UUID sessionId, SessionRepository.ContactSaved saved) {
        return bus.publish(new ChatEvent.VisitorChanged(sessionId, saved.agentId()))
                .thenReturn(saved.storedAt());
    }

    /** {@code session/:id}: the session as its visitor sees it. */
    public Mono<SessionView> view(UUID sessionId, String token) {
        return access.authorize(sessionId, token)
                .flatMap(
                        session ->
                                sessions.touchVisitor(session.id())
                                        .then(sessions.details(session.id())))
                .flatMap(
                        details -> placeOf(details.session()).map(place -> toView(details, place)));
    }

    private static SessionView toView(SessionDetails details, Optional<QueuePlace> place) {
        ChatSession s = details.session();
        return new SessionView(
                s.id(),
                s.status(),
                s.topicIn(s.language()),
                s.topicCode(),
                s.priority(),
                details.department(),
                details.contact() == null,
                details.contact(),
                details.agent() == null ? null : details.agent().nameOnly(),
                place.map(QueuePlace::position).orElse(null),
                place.map(QueuePlace::expectedWaitSeconds).orElse(null),
                place.map(QueuePlace::agentsOnline).orElse(null),
                s.lastSeq(),
                s.startedAt(),
                s.endedAt(),
                s.closeReason(),
                s.agentReadSeq(),
                s.visitorReadSeq());
    }

    /** {@code session/:id/rating}: the visitor rates a closed chat, 1 to 5, once. */
    public Mono<Void> rate(UUID sessionId, String token, RatingRequest request) {
        String comment = Texts.clean(request.comment());
        FieldCheck.of()
                .requiredPresent("rating", request.rating())
                .rule(
                        request.rating() == null
                                || (request.rating() >= 1 && request.rating() <= 5),
                        "rating",
                        "must be a whole number from 1 to 5")
                .optional("comment", comment, 1000)
                .orThrow();
        return access.authorize(sessionId, token)
                .flatMap(session -> sessions.rate(session.id(), request.rating(), comment))
                .flatMap(
                        result ->
                                switch (result) {
                                    case OK -> Mono.<Void>empty();
                                    case NOT_CLOSED ->
                                            Mono.error(
                                                    Problem.conflict(
                                                            "session_not_closed",
                                                            "A chat is rated once it has ended."));
                                    case ALREADY_RATED ->
                                            Mono.error(
                                                    Problem.conflict(
                                                            "already_rated",
                                                            "This chat has been rated already."));
                                });
    }

    /** The notice version agreed to, when a notice is shown (checked before); else null. */
    private String consentTo(ContactRequest request) {
        return notice.isShown() ? notice.version() : null;
    }

    /** What {@code history} was asked, before validation. */
    public record HistoryRequest(
            VisitorIdentities.Claim claim,
            Integer limit,
            String cursor,
            SessionStatus status,
            Instant from,
            Instant to) {}

    /** {@code history}: a visitor's sessions, newest first. */
    public Mono<HistoryPage> history(HistoryRequest request) {
        int limit = request.limit() == null ? HISTORY_DEFAULT_LIMIT : request.limit();
        FieldCheck.of()
                .rule(
                        limit >= 1 && limit <= HISTORY_MAX_LIMIT,
                        "limit",
                        "must be between 1 and " + HISTORY_MAX_LIMIT)
                .rule(
                        request.from() == null
                                || request.to() == null
                                || request.from().isBefore(request.to()),
                        "from",
                        "must be before to")
                .orThrow();
        HistoryCursor after =
                request.cursor() == null ? null : HistoryCursor.decode(request.cursor());
        return identities
                .forHistory(request.claim())
                .flatMap(
                        user ->
                                user.isEmpty()
                                        ? Mono.just(new HistoryPage(List.of(), false, null))
                                        : sessions.history(
                                                        new HistoryQuery(
                                                                user.get().id(),
                                                                limit,
                                                                after,
                                                                request.status(),
                                                                request.from(),
                                                                request.to()))
                                                .map(rows -> page(rows, limit)));
    }

    private static HistoryPage page(List<SessionDetails> rows, int limit) {
        boolean more = rows.size() > limit;
        List<SessionDetails> shown = more ? rows.subList(0, limit) : rows;
        String next = null;
        if (more) {
            ChatSession last = shown.get(shown.size() - 1).session();
            next = new HistoryCursor(last.startedAt(), last.id()).encode();
        }
        List<HistoryItem> items =
                shown.stream()
                        .map(
                                d ->
                                        new HistoryItem(
                                                d.session().id(),
                                                d.session().status(),
                                                d.session().topicIn(d.session().language()),
                                                d.session().topicCode(),
                                                d.session().priority(),
                                                d.department(),
                                                d.agent() == null ? null : d.agent().nameOnly(),
                                                d.contact(),
                                                d.lastMessage(),
                                                d.session().startedAt(),
                                                d.session().endedAt()))
                        .toList();
        return new HistoryPage(items, more, next);
    }

    /**
     * The department a new chat waits in: the one the visitor chose; else the first routing rule's
     * that a verified case matches; else the page's default ({@code default_department_id}); else
     * the server's default department.
     */
    private Mono<Department> departmentFor(
            StartChatRequest request, Optional<ReceivedContext> received) {
        if (request.departmentId() != null) {
            return departmentFor(request.departmentId(), "department_id");
        }
        Mono<Department> fallback =
                departmentFor(request.defaultDepartmentId(), "default_department_id");
        return fallback.flatMap(
                otherwise ->
                        contexts.routedDepartment(received)
                                .flatMap(departments::findById)
                                .filter(Department::active)
                                .defaultIfEmpty(otherwise));
    }

    private Mono<Department> departmentFor(UUID departmentId, String field) {
        if (departmentId == null) {
            return departments
                    .findDefault()
                    .switchIfEmpty(
                            Mono.error(
                                    new Problem(
                                            Problem.Kind.UNAVAILABLE,
                                            "no_department",
                                            "No default department is configured; choose a department_id.")));
        }
        return departments
                .findById(departmentId)
                .filter(Department::active)
                .switchIfEmpty(
                        Mono.error(Problem.invalidField(field, "is not an open department")));
    }

    private Mono<Optional<QueuePlace>> placeOf(ChatSession session) {
        if (session.status() != SessionStatus.WAITING) {
            return Mono.just(Optional.empty());
        }
        return queue.placeOf(session.id(), session.departmentId())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }
}
