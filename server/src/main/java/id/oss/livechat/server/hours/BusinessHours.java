package id.oss.livechat.server.hours;

import id.oss.livechat.model.staff.DepartmentHours;
import id.oss.livechat.model.staff.Holiday;
import id.oss.livechat.model.staff.HoursRequest;
import id.oss.livechat.model.staff.OpeningShift;
import id.oss.livechat.server.common.Problem;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * Departments' opening hours: kept by admins, read by staff, and asked by routing, the visitors'
 * department list and mail whether a department is open now, on the server's {@link Clock}.
 *
 * <p>Every node keeps the hours of all departments in memory for {@link #CACHE_FOR}: routing asks
 * on every pass. A change on one node is seen by the others within that time; on the node that made
 * it, at once.
 */
public class BusinessHours implements DepartmentOpening {
    public static final Duration CACHE_FOR = Duration.ofSeconds(5);

    private final HoursRepository repository;
    private final Clock clock;
    // the cache's age on the monotonic clock: the server's Clock may be moved (tests), time is not
    private final LongSupplier nanoTime;
    private volatile Snapshot snapshot;

    private record Snapshot(Map<UUID, OpeningHours> hours, long loadedAt) {}

    /** Whether a department is open now, and if not, when it opens; its zone when it has hours. */
    public record Status(boolean openNow, Instant nextOpenAt, ZoneId zone) {
        static final Status ALWAYS_OPEN = new Status(true, null, null);
    }

    public BusinessHours(HoursRepository repository, Clock clock) {
        this(repository, clock, System::nanoTime);
    }

    BusinessHours(HoursRepository repository, Clock clock, LongSupplier nanoTime) {
        this.repository = repository;
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    /** {@code GET /api/departments/:id/hours}. */
    public Mono<DepartmentHours> get(UUID departmentId) {
        return existing(departmentId)
                .then(repository.find(departmentId).map(Optional::of))
                .defaultIfEmpty(Optional.empty())
                .map(hours -> view(departmentId, hours));
    }

    /** {@code PUT /api/departments/:id/hours}: replaces the hours whole. */
    public Mono<DepartmentHours> put(UUID departmentId, HoursRequest request) {
        Optional<OpeningHours> hours = HoursInput.parse(request);
        return existing(departmentId)
                .then(
                        hours.map(h -> repository.save(departmentId, h))
                                .orElseGet(() -> repository.delete(departmentId)))
                .doOnSuccess(done -> snapshot = null)
                .thenReturn(departmentId)
                .map(id -> view(id, hours));
    }

    @Override
    public Mono<Boolean> isOpenNow(UUID departmentId) {
        return statusNow(departmentId).map(Status::openNow);
    }

    public Mono<Status> statusNow(UUID departmentId) {
        return all().map(
                        all ->
                                Optional.ofNullable(all.get(departmentId))
                                        .map(this::statusOf)
                                        .orElse(Status.ALWAYS_OPEN));
    }

    /** The department's hours, if it has any (from the cache). */
    public Mono<Optional<OpeningHours>> hoursOf(UUID departmentId) {
        return all().map(all -> Optional.ofNullable(all.get(departmentId)));
    }

    private Status statusOf(OpeningHours hours) {
        Instant now = clock.instant();
        if (hours.isOpen(now)) {
            return new Status(true, null, hours.zone());
        }
        return new Status(false, hours.nextOpening(now).orElse(null), hours.zone());
    }

    private Mono<Map<UUID, OpeningHours>> all() {
        Snapshot current = snapshot;
        if (current != null && nanoTime.getAsLong() - current.loadedAt() < CACHE_FOR.toNanos()) {
            return Mono.just(current.hours());
        }
        long loading = nanoTime.getAsLong();
        return repository
                .findAll()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .doOnNext(hours -> snapshot = new Snapshot(hours, loading));
    }

    private Mono<Void> existing(UUID departmentId) {
        return repository
                .departmentExists(departmentId)
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(Problem.notFound("The department")))
                .then();
    }

    private DepartmentHours view(UUID departmentId, Optional<OpeningHours> hours) {
        if (hours.isEmpty()) {
            return new DepartmentHours(departmentId, true, null, null, List.of(), true, null);
        }
        OpeningHours h = hours.get();
        Map<String, List<OpeningShift>> schedule = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            schedule.put(
                    HoursInput.Days.wire(day),
                    h.shiftsOn(day).stream()
                            .map(
                                    s ->
                                            new OpeningShift(
                                                    Shift.format(s.opens()),
                                                    Shift.format(s.closes())))
                            .toList());
        }
        List<Holiday> holidays =
                h.holidays().entrySet().stream()
                        .map(e -> new Holiday(e.getKey().toString(), e.getValue()))
                        .toList();
        Status status = statusOf(h);
        return new DepartmentHours(
                departmentId,
                false,
                h.zone().getId(),
                schedule,
                holidays,
                status.openNow(),
                status.nextOpenAt());
    }
}
