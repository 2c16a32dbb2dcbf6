package id.oss.livechat.server.routing;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.hours.DepartmentOpening;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Automatic routing: offers a department's waiting sessions to its online agents by {@link
 * RoutingPolicy}, claiming each atomically in the database. Runs when a session starts, when an
 * agent comes online or frees a slot, and on a regular sweep; two nodes routing at once only lose
 * claims to each other, never double-assign. A department closed by its opening hours is not
 * routed: its chats wait, and the sweep hands them out once it opens.
 */
public class Router {
    private static final Logger log = LoggerFactory.getLogger(Router.class);
    static final int BATCH = 200;

    private final RoutingRepository repository;
    private final ChatEventBus bus;
    private final AssignmentListener listener;
    // per department: 0 idle, 1 routing, 2 routing and asked again meanwhile
    private final Map<UUID, AtomicInteger> runs = new ConcurrentHashMap<>();

    private final java.time.Clock clock;
    private final DepartmentOpening opening;

    /** Told of every assignment, with how long the session had waited in the queue (metrics). */
    public interface AssignmentListener {
        AssignmentListener NONE = (session, agent, waited) -> {};

        void assigned(UUID sessionId, UUID agentId, java.time.Duration waited);
    }

    public Router(
            RoutingRepository repository,
            ChatEventBus bus,
            AssignmentListener listener,
            java.time.Clock clock) {
        this(repository, bus, listener, clock, DepartmentOpening.ALWAYS);
    }

    public Router(
            RoutingRepository repository,
            ChatEventBus bus,
            AssignmentListener listener,
            java.time.Clock clock,
            DepartmentOpening opening) {
        this.repository = repository;
        this.bus = bus;
        this.listener = listener;
        this.clock = clock;
        this.opening = opening;
    }

    /** Whether routing hands out the department's chats now: its opening hours say it is open. */
    public Mono<Boolean> isOpen(UUID departmentId) {
        return opening.isOpenNow(departmentId);
    }

    /**
     * Routes a department's queue until it is empty or no agent has a free slot. A call while the
     * department is being routed does not run twice at once; it makes the running one go round once
     * more. The returned Mono completes when that pass is over.
     */
    public Mono<Void> routeDepartment(UUID departmentId) {
        // deferred: callers build this into chains that may never subscribe (an earlier step
        // fails), and a department marked busy by a pass that never ran would never route again
        return Mono.defer(
                () -> {
                    AtomicInteger state =
                            runs.computeIfAbsent(departmentId, id -> new AtomicInteger());
                    if (state.getAndUpdate(s -> Math.min(s + 1, 2)) > 0) {
                        return Mono.empty();
                    }
                    Sinks.Empty<Void> done = Sinks.empty();
                    // the pass is not the caller's to cancel (a closed request): stopped halfway,
                    // chats claimed in the database would never be announced to their agents
                    routeQueue(departmentId)
                            .repeat(() -> state.decrementAndGet() > 0)
                            .then()
                            .doOnError(e -> state.set(0))
                            .subscribe(
                                    null,
                                    e -> {
                                        log.warn(
                                                "Routing department {} failed; the next sweep retries",
                                                departmentId,
                                                e);
                                        done.tryEmitEmpty();
                                    },
                                    done::tryEmitEmpty);
                    return done.asMono();
                });
    }

    public Mono<Void> routeAgent(UUID agentId) {
        return repository.departmentsOf(agentId).concatMap(this::routeDepartment).then();
    }

    public Mono<Void> routeAll() {
        return repository.departmentsWithWaiting().concatMap(this::routeDepartment).then();
    }

    /**
     * Page after page of the queue, to its end: a queue longer than one page does not wait for the
     * next sweep to have its next page routed.
     */
    private Mono<Void> routeQueue(UUID departmentId) {
        return isOpen(departmentId)
                .filter(Boolean::booleanValue)
                .flatMapMany(open -> routePage(departmentId))
                .expand(pass -> pass.goOn() ? routePage(departmentId) : Mono.empty())
                .then();
    }

    /** What one page did: whether the queue may hold more that agents could take now. */
    private record Pass(boolean fullPage, int claimed) {
        boolean goOn() {
            // nothing claimed means agents are full (or other nodes took the page): stop here
            return fullPage && claimed > 0;
        }
    }

    private Mono<Pass> routePage(UUID departmentId) {
        return Mono.zip(
                        repository.waiting(departmentId, BATCH).collectList(),
                        repository.candidates(departmentId).collectList())
                .flatMap(
                        both -> {
                            Map<UUID, java.time.Instant> queuedAt = new java.util.HashMap<>();
                            both.getT1().forEach(w -> queuedAt.put(w.sessionId(), w.queuedAt()));
                            boolean fullPage = both.getT1().size() == BATCH;
                            List<RoutingPolicy.Assignment> plan =
                                    RoutingPolicy.plan(both.getT1(), both.getT2());
                            return repository
                                    .claimAll(plan)
                                    .filter(c -> c.result() == ClaimResult.OK)
                                    .concatMap(
                                            c ->
                                                    announce(
                                                                    c.sessionId(),
                                                                    c.agentId(),
                                                                    departmentId,
                                                                    queuedAt.get(c.sessionId()))
                                                            .thenReturn(c))
                                    .count()
                                    .flatMap(
                                            claimed ->
                                                    (claimed == 0
                                                                    ? Mono.<Void>empty()
                                                                    // one queue refresh per page,
                                                                    // not per chat
                                                                    : bus.publish(
                                                                            new ChatEvent
                                                                                    .QueueChanged(
                                                                                    departmentId)))
                                                            .thenReturn(
                                                                    new Pass(
                                                                            fullPage,
                                                                            claimed.intValue())));
                        });
    }

    /**
     * Claims one session for one agent and tells everyone; the result says why it failed. {@code
     * byHand}: the agent takes it itself (see {@link RoutingRepository#claim}).
     */
    public Mono<ClaimResult> claim(
            UUID sessionId,
            UUID agentId,
            UUID departmentId,
            java.time.Instant queuedAt,
            boolean byHand) {
        return repository
                .claim(sessionId, agentId, byHand)
                .flatMap(
                        result ->
                                result != ClaimResult.OK
                                        ? Mono.just(result)
                                        : announce(sessionId, agentId, departmentId, queuedAt)
                                                .then(
                                                        bus.publish(
                                                                new ChatEvent.QueueChanged(
                                                                        departmentId)))
                                                .thenReturn(result));
    }

    /** A claim went through: metrics and the chat's new state (the queue's is the caller's). */
    private Mono<Void> announce(
            UUID sessionId, UUID agentId, UUID departmentId, java.time.Instant queuedAt) {
        listener.assigned(
                sessionId,
                agentId,
                queuedAt == null
                        ? java.time.Duration.ZERO
                        : java.time.Duration.between(queuedAt, clock.instant()));
        return bus.publish(
                new ChatEvent.SessionChanged(
                        sessionId, SessionStatus.ACTIVE, agentId, null, departmentId, null));
    }

    /**
     * Assigns one session to whichever agent the policy picks now.
     *
     * @return the agent, or empty when no agent of the department has a free slot or the department
     *     is closed
     */
    public Mono<UUID> assignAutomatically(
            UUID sessionId, UUID departmentId, UUID previousAgentId, java.time.Instant queuedAt) {
        RoutingPolicy.Waiting session =
                new RoutingPolicy.Waiting(sessionId, departmentId, 0, queuedAt, previousAgentId);
        return isOpen(departmentId)
                .filter(Boolean::booleanValue)
                .flatMapMany(open -> repository.candidates(departmentId))
                .collectList()
                .flatMap(candidates -> tryCandidates(session, candidates, 3));
    }

    private Mono<UUID> tryCandidates(
            RoutingPolicy.Waiting session, List<RoutingPolicy.Candidate> candidates, int attempts) {
        Optional<RoutingPolicy.Candidate> chosen = RoutingPolicy.choose(session, candidates);
        if (chosen.isEmpty() || attempts == 0) {
            return Mono.empty();
        }
        UUID agentId = chosen.get().agentId();
        return claim(
                        session.sessionId(),
                        agentId,
                        session.departmentId(),
                        session.queuedAt(),
                        false)
                .flatMap(
                        result ->
                                switch (result) {
                                    case OK -> Mono.just(agentId);
                                    // the agent filled up meanwhile (another node): try the next
                                    // best
                                    case AGENT_FULL, NO_AGENT ->
                                            tryCandidates(
                                                    session,
                                                    candidates.stream()
                                                            .filter(
                                                                    c ->
                                                                            !c.agentId()
                                                                                    .equals(
                                                                                            agentId))
                                                            .toList(),
                                                    attempts - 1);
                                    case NOT_WAITING -> Mono.error(Assignments.notWaiting());
                                });
    }
}
