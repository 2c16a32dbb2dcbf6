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
 * An agent's own availability. Coming online hands the agent waiting chats of its departments,
 * through the routing callback (routing depends on agents, not the other way round).
 */
public class AgentPresence {
    private final StaffRepository staff;
    private final ChatEventBus bus;
    private final Function<UUID, Mono<Void>> onAvailable;

    /**
     * @param onAvailable called with the agent's id when it may take chats now
     */
    public AgentPresence(
            StaffRepository staff, ChatEventBus bus, Function<UUID, Mono<Void>> onAvailable) {
        this.staff = staff;
        this.bus = bus;
        this.onAvailable = onAvailable;
    }

    public Mono<Agent> setStatus(Staff who, AgentStatus status) {
        if (status == null) {
            return Mono.error(
                    Problem.invalidField("status", "must be one of online, away, offline"));
        }
        return staff.setStatus(who.id(), status)
                .switchIfEmpty(Mono.error(Problem.notFound("The agent")))
                .flatMap(
                        account ->
                                bus.publish(
                                                new ChatEvent.PresenceChanged(
                                                        account.id(),
                                                        account.displayName(),
                                                        status))
                                        .then(
                                                status == AgentStatus.ONLINE
                                                        ? onAvailable.apply(account.id())
                                                        : Mono.empty())
                                        .thenReturn(StaffDirectory.toAgent(account)));
    }
}
