package id.oss.livechat.server.analytics;

import id.oss.livechat.model.analytics.AnalyticsReport;
import id.oss.livechat.model.analytics.Dashboard;
import id.oss.livechat.model.analytics.DepartmentFigures;
import id.oss.livechat.model.visitor.DepartmentRef;
import id.oss.livechat.server.agent.Department;
import id.oss.livechat.server.agent.DepartmentRepository;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The figures supervisors steer by: the live dashboard and reports over a date range. Days are the
 * help desk's days ({@code LIVECHAT_TIMEZONE}, Asia/Jakarta by default), and a session counts for
 * the day (and hour) of its start, and for its last department and agent.
 */
public class Analytics {
    public static final long MAX_DAYS = 366;

    private final AnalyticsRepository repository;
    private final DepartmentRepository departments;
    private final Clock clock;
    private final ZoneId zone;

    public Analytics(
            AnalyticsRepository repository,
            DepartmentRepository departments,
            Clock clock,
            ZoneId zone) {
        this.repository = repository;
        this.departments = departments;
        this.clock = clock;
        this.zone = zone;
    }

    public Mono<Dashboard> dashboard() {
        Instant now = clock.instant();
        Instant startOfToday = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
        Instant endOfToday = startOfToday.plus(1, ChronoUnit.DAYS);
        Mono<List<DepartmentFigures>> perDepartment =
                departments
                        .findAll()
                        .filter(Department::active)
                        .concatMap(d -> departmentFigures(d, now, startOfToday, endOfToday))
                        .collectList();
        return Mono.zip(
                        repository.live(null),
                        repository.totals(today(startOfToday, endOfToday, null)),
                        perDepartment)
                .map(
                        all -> {
                            AnalyticsRepository.Live live = all.getT1();
                            return new Dashboard(
                                    now,
                                    zone.getId(),
                                    live.waiting(),
                                    live.leftMessagesWaiting(),
                                    longestWait(live, now),
                                    live.active(),
                                    live.agentsOnline(),
                                    all.getT2(),
                                    all.getT3());
                        });
    }

    private Mono<DepartmentFigures> departmentFigures(
            Department department, Instant now, Instant startOfToday, Instant endOfToday) {
        return Mono.zip(
                        repository.live(department.id()),
                        repository.totals(today(startOfToday, endOfToday, department.id())))
                .map(
                        both -> {
                            AnalyticsRepository.Live live = both.getT1();
                            return new DepartmentFigures(
                                    new DepartmentRef(
                                            department.id(), department.code(), department.name()),
                                    live.waiting(),
                                    live.leftMessagesWaiting(),
                                    longestWait(live, now),
                                    live.active(),
                                    live.agentsOnline(),
                                    unstaffed(live),
                                    both.getT2());
                        });
    }

    private ReportQuery today(Instant startOfToday, Instant endOfToday, UUID departmentId) {
        return new ReportQuery(startOfToday, endOfToday, zone, departmentId, null, null);
    }

    /**
     * How long the oldest visitor still waiting has waited, as of {@code now}: in seconds, to the
     * millisecond; never negative, though the database's clock may run ahead of this node's.
     */
    static Double longestWait(AnalyticsRepository.Live live, Instant now) {
        if (live.oldestWaitingStart() == null) {
            return null;
        }
        return Math.max(0, Duration.between(live.oldestWaitingStart(), now).toMillis()) / 1000.0;
    }

    /** Visitors wait (left messages aside, their visitors are gone) and no agent is online. */
    static boolean unstaffed(AnalyticsRepository.Live live) {
        return live.waiting() > live.leftMessagesWaiting() && live.agentsOnline() == 0;
    }

    /** What a report was asked for, before validation. */
    public record Request(
            LocalDate from,
            LocalDate to,
            String groupBy,
            UUID departmentId,
            UUID agentId,
            String tag,
            String closeReason) {

        /** Without the tag and close reason filters. */
        public Request(
                LocalDate from, LocalDate to, String groupBy, UUID departmentId, UUID agentId) {
            this(from, to, groupBy, departmentId, agentId, null, null);
        }
    }

    public Mono<AnalyticsReport> report(Request request) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        GroupBy groupBy =
                request.groupBy() == null
                        ? GroupBy.DAY
                        : GroupBy.fromWire(request.groupBy()).orElse(null);
        LocalDate to = request.to() == null ? today : request.to();
        LocalDate from =
                request.from() != null
                        ? request.from()
                        : groupBy == GroupBy.HOUR ? to : to.minusDays(6);
        FieldCheck.of()
                .rule(groupBy != null, "group_by", "must be one of " + GroupBy.choices())
                .rule(
                        groupBy != GroupBy.HOUR || from.equals(to),
                        "group_by",
                        "hour needs a range of one day: from and to the same day")
                .rule(!from.isAfter(to), "from", "must not be after to")
                .rule(
                        ChronoUnit.DAYS.between(from, to) < MAX_DAYS,
                        "to",
                        "a report covers at most " + MAX_DAYS + " days")
                .orThrow();
        ReportQuery query =
                new ReportQuery(
                        from.atStartOfDay(zone).toInstant(),
                        to.plusDays(1).atStartOfDay(zone).toInstant(),
                        zone,
                        request.departmentId(),
                        request.agentId(),
                        groupBy,
                        request.tag(),
                        request.closeReason());
        return exists(request.departmentId(), repository::departmentExists, "The department")
                .then(exists(request.agentId(), repository::agentExists, "The agent"))
                .then(exists(request.tag(), repository::tagExists, "The tag"))
                .then(
                        exists(
                                request.closeReason(),
                                repository::closeReasonExists,
                                "The close reason"))
                .then(Mono.zip(repository.totals(query), repository.rows(query)))
                .map(
                        both ->
                                new AnalyticsReport(
                                        from,
                                        to,
                                        groupBy.wire(),
                                        zone.getId(),
                                        both.getT1(),
                                        both.getT2()));
    }

    private static <T> Mono<Void> exists(
            T id, java.util.function.Function<T, Mono<Boolean>> check, String what) {
        if (id == null) {
            return Mono.empty();
        }
        return check.apply(id)
                .flatMap(found -> found ? Mono.<Void>empty() : Mono.error(Problem.notFound(what)));
    }
}
