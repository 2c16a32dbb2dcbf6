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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The figures supervisors steer by: the live dashboard and reports over a date range. Days are the
 * help desk's days ({@code LIVECHAT_TIMEZONE}, Asia/Jakarta by default), and a session counts for
 * the day, department and agent of its start and its (last) agent.
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
        Mono<java.util.List<DepartmentFigures>> perDepartment =
                departments
                        .findAll()
                        .filter(Department::active)
                        .concatMap(
                                d ->
                                        Mono.zip(
                                                        repository.live(d.id()),
                                                        repository.totals(
                                                                new ReportQuery(
                                                                        startOfToday,
                                                                        endOfToday,
                                                                        zone,
                                                                        d.id(),
                                                                        null,
                                                                        null)))
                                                .map(
                                                        both ->
                                                                new DepartmentFigures(
                                                                        new DepartmentRef(
                                                                                d.id(), d.code(),
                                                                                d.name()),
                                                                        both.getT1().waiting(),
                                                                        both.getT1().active(),
                                                                        both.getT1().agentsOnline(),
                                                                        both.getT2())))
                        .collectList();
        return Mono.zip(
                        repository.live(null),
                        repository.totals(
                                new ReportQuery(startOfToday, endOfToday, zone, null, null, null)),
                        perDepartment)
                .map(
                        all ->
                                new Dashboard(
                                        now,
                                        zone.getId(),
                                        all.getT1().waiting(),
                                        all.getT1().active(),
                                        all.getT1().agentsOnline(),
                                        all.getT2(),
                                        all.getT3()));
    }

    /** What a report was asked for, before validation. */
    public record Request(
            LocalDate from, LocalDate to, String groupBy, UUID departmentId, UUID agentId) {}

    public Mono<AnalyticsReport> report(Request request) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate to = request.to() == null ? today : request.to();
        LocalDate from = request.from() == null ? to.minusDays(6) : request.from();
        GroupBy groupBy =
                request.groupBy() == null
                        ? GroupBy.DAY
                        : GroupBy.fromWire(request.groupBy()).orElse(null);
        FieldCheck.of()
                .rule(
                        groupBy != null,
                        "group_by",
                        "must be one of day, department, agent, oss_user")
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
                        groupBy);
        return exists(request.departmentId(), repository::departmentExists, "The department")
                .then(exists(request.agentId(), repository::agentExists, "The agent"))
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

    private static Mono<Void> exists(
            UUID id, java.util.function.Function<UUID, Mono<Boolean>> check, String what) {
        if (id == null) {
            return Mono.empty();
        }
        return check.apply(id)
                .flatMap(found -> found ? Mono.<Void>empty() : Mono.error(Problem.notFound(what)));
    }
}
