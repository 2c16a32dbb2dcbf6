package id.oss.livechat.server.agent;

import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.staff.Agent;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * An agent's own availability. Coming online hands the agent waiting chats of its departments;
 * going offline hands its open chats back to their queues. Both through callbacks: routing and
 * sessions depend on agents, not the other way round.
 */
public class AgentPresence {
    private final StaffRepository staff;
    private final ChatEventBus bus;
    private final Function<UUID, Mono<Void>> onAvailable;
    private final Function<StaffAccount, Mono<Void>> onGone;

    /**
     * @param onAvailable called with the agent's id when it may take chats now
     * @param onGone called with the account when it went offline: its chats must not wait on it
     */
    public AgentPresence(
            StaffRepository staff,
            ChatEventBus bus,
            Function<UUID, Mono<Void>> onAvailable,
            Function<StaffAccount, Mono<Void>> onGone) {
        this.staff = staff;
        this.bus = bus;
        this.onAvailable = onAvailable;
        this.onGone = onGone;
    }

    public Mono<Agent> setStatus(Staff who, AgentStatus status) {
        if (status == null) {
            return Mono.error(
                    Problem.invalidField("status", "must be one of online, away, offline"));
        }
        return staff.setStatus(who.id(), status)
                .switchIfEmpty(Mono.error(Problem.notFound("The agent")))
                .flatMap(account -> announce(account, status).then(afterwards(account, status)));
    }

    private Mono<Void> announce(StaffAccount account, AgentStatus status) {
        return bus.publish(
                new ChatEvent.PresenceChanged(account.id(), account.displayName(), status));
    }

    /** The account as it stands once its chats have moved (an offline agent has none left). */
    private Mono<Agent> afterwards(StaffAccount account, AgentStatus status) {
        return switch (status) {
            case ONLINE ->
                    onAvailable.apply(account.id()).thenReturn(StaffDirectory.toAgent(account));
            case OFFLINE ->
                    onGone.apply(account)
                            .then(staff.findById(account.id()))
                            .defaultIfEmpty(account)
                            .map(StaffDirectory::toAgent);
            case AWAY -> Mono.just(StaffDirectory.toAgent(account));
        };
    }

    // presence from live sockets: the realtime transport reports which members it holds sockets of

    /**
     * A staff socket signed in: the member is seen, and if it was away only because its sockets
     * were gone, it is online again (and routing hands it chats at once).
     */
    public Mono<Void> socketOpened(UUID staffId) {
        return staff.socketsSeen(java.util.List.of(staffId))
                .then(staff.backFromAbsence(staffId))
                .flatMap(
                        account ->
                                announce(account, AgentStatus.ONLINE)
                                        .then(onAvailable.apply(account.id())));
    }

    /** The members this node holds staff sockets of, now. */
    public Mono<Void> socketsAlive(java.util.List<UUID> staffIds) {
        return staff.socketsSeen(staffIds);
    }

    /**
     * Online members without a socket on any node for longer than the grace are away: routing skips
     * them, supervisors see it, and their unanswered chats go back under the usual timeouts.
     */
    public Mono<Void> awayWithoutSocket(java.time.Duration grace) {
        return staff.awayForAbsence(grace)
                .concatMap(account -> announce(account, AgentStatus.AWAY))
                .then();
    }
}
