package id.oss.livechat.server.hours;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where departments' opening hours are kept, and the few session facts the hours decide. */
public interface HoursRepository {
    /** A department's hours; empty when it has none (open around the clock). */
    Mono<OpeningHours> find(UUID departmentId);

    /** Every department that has hours, with them. */
    Flux<java.util.Map.Entry<UUID, OpeningHours>> findAll();

    Mono<Void> save(UUID departmentId, OpeningHours hours);

    Mono<Void> delete(UUID departmentId);

    /** Gives the department of that code these hours, unless it has hours already. */
    Mono<Void> saveIfNone(String departmentCode, OpeningHours hours);

    Mono<Boolean> departmentExists(UUID departmentId);

    /** A session's start and department, once it has been assigned and has no open wait yet. */
    record FirstAssignment(UUID sessionId, UUID departmentId, Instant startedAt) {}

    Mono<FirstAssignment> awaitingOpenWait(UUID sessionId);

    /** Stores the open wait of a session, once. */
    Mono<Void> recordOpenWait(UUID sessionId, double seconds);

    /**
     * Marks a waiting session as a left message (once): its visitor wrote while the department was
     * closed. True when this call marked it.
     */
    Mono<Boolean> markLeftMessage(UUID sessionId);
}
