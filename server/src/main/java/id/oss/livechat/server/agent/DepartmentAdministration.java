package id.oss.livechat.server.agent;

import id.oss.livechat.model.staff.DepartmentInfo;
import id.oss.livechat.model.staff.DepartmentRequest;
import id.oss.livechat.model.visitor.PublicDepartment;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Texts;
import id.oss.livechat.server.hours.BusinessHours;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Departments: the public list visitors choose from, and their administration. */
public class DepartmentAdministration {
    private final DepartmentRepository departments;
    private final BusinessHours hours;

    public DepartmentAdministration(DepartmentRepository departments, BusinessHours hours) {
        this.departments = departments;
        this.hours = hours;
    }

    public Flux<DepartmentInfo> list() {
        return departments.findAllWithFigures();
    }

    /**
     * What a visitor may choose: active departments, with how many agents are online and whether
     * their opening hours have them open now.
     */
    public Flux<PublicDepartment> forVisitors() {
        return departments
                .findAllWithFigures()
                .filter(DepartmentInfo::active)
                .concatMap(this::forVisitors);
    }

    private Mono<PublicDepartment> forVisitors(DepartmentInfo d) {
        return hours.statusNow(d.id())
                .map(
                        status ->
                                new PublicDepartment(
                                        d.id(),
                                        d.code(),
                                        d.name(),
                                        d.isDefault(),
                                        d.agentsOnline(),
                                        status.openNow(),
                                        status.nextOpenAt(),
                                        status.zone() == null ? null : status.zone().getId()));
    }

    public Mono<DepartmentInfo> create(DepartmentRequest request) {
        String code = Texts.clean(request.code());
        FieldCheck.of()
                .requiredLine("code", code, 50)
                .rule(
                        code == null || code.matches("[a-z0-9][a-z0-9-]*"),
                        "code",
                        "may hold lower-case letters, digits and dashes")
                .requiredLine("name", Texts.clean(request.name()), 255)
                .line("email", request.email(), 255)
                .email("email", request.email())
                .orThrow();
        return departments
                .create(
                        code,
                        request.name().strip(),
                        Texts.clean(request.email()),
                        Boolean.TRUE.equals(request.isDefault()))
                .flatMap(d -> departments.findWithFigures(d.id()));
    }

    public Mono<DepartmentInfo> update(UUID id, DepartmentRequest request) {
        FieldCheck.of()
                .rule(
                        request.code() == null,
                        "code",
                        "never changes; create a new department instead")
                .line("name", request.name(), 255)
                .rule(
                        request.name() == null || !request.name().isBlank(),
                        "name",
                        "must not be empty")
                .line("email", request.email(), 255)
                .email("email", request.email())
                .rule(
                        !Boolean.FALSE.equals(request.isDefault()),
                        "is_default",
                        "make another department the default instead")
                .orThrow();
        return departments
                .findById(id)
                .switchIfEmpty(Mono.error(Problem.notFound("The department")))
                .flatMap(
                        existing -> {
                            if (existing.isDefault() && Boolean.FALSE.equals(request.active())) {
                                return Mono.error(
                                        Problem.conflict(
                                                "default_department",
                                                "The default department cannot be closed."));
                            }
                            return departments.update(
                                    id,
                                    request.name() == null ? null : request.name().strip(),
                                    Texts.clean(request.email()),
                                    request.isDefault(),
                                    request.active());
                        })
                .flatMap(d -> departments.findWithFigures(d.id()));
    }
}
