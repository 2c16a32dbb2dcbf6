package id.oss.livechat.server.hours;

import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import java.time.Clock;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * What the opening hours change in a chat's life, told by this node's events:
 *
 * <ul>
 *   <li>A visitor who writes in a waiting chat while its department is closed has left a message:
 *       the chat is marked so at once (it waits for the opening, is never closed as abandoned, and
 *       the staff queue shows the mark).
 *   <li>At a chat's first assignment, its wait is recorded as the time its department was open
 *       since the start: the wait analytics count (closed hours are no waiting).
 * </ul>
 */
public class ClosedHours {
    private final HoursRepository repository;
    private final BusinessHours hours;
    private final ChatEventBus bus;
    private final Clock clock;

    public ClosedHours(
            HoursRepository repository, BusinessHours hours, ChatEventBus bus, Clock clock) {
        this.repository = repository;
        this.hours = hours;
        this.bus = bus;
        this.clock = clock;
    }

    public Mono<Void> on(ChatEvent event) {
        if (event instanceof ChatEvent.SessionChanged changed
                && changed.status() == SessionStatus.ACTIVE) {
            return recordOpenWait(changed.sessionId());
        }
        if (event instanceof ChatEvent.MessageStored stored
                && stored.session() != null
                && stored.session().status() == SessionStatus.WAITING
                && stored.message().sender().type() == SenderType.VISITOR) {
            return leftWhileClosed(stored.sessionId(), stored.session().departmentId());
        }
        return Mono.empty();
    }

    private Mono<Void> leftWhileClosed(UUID sessionId, UUID departmentId) {
        return hours.isOpenNow(departmentId)
                .filter(open -> !open)
                .flatMap(closed -> repository.markLeftMessage(sessionId))
                .filter(Boolean::booleanValue)
                .flatMap(marked -> bus.publish(new ChatEvent.QueueChanged(departmentId)));
    }

    private Mono<Void> recordOpenWait(UUID sessionId) {
        return repository.awaitingOpenWait(sessionId).flatMap(this::recordOpenWait);
    }

    /** Only for departments with hours: without, the wait is the plain time to assignment. */
    private Mono<Void> recordOpenWait(HoursRepository.FirstAssignment first) {
        return hours.hoursOf(first.departmentId())
                .flatMap(
                        known ->
                                known.isEmpty()
                                        ? Mono.empty()
                                        : repository.recordOpenWait(
                                                first.sessionId(), seconds(known.get(), first)));
    }

    private double seconds(OpeningHours hours, HoursRepository.FirstAssignment first) {
        return hours.openTimeBetween(first.startedAt(), clock.instant()).toMillis() / 1000.0;
    }
}
