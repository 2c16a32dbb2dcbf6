package id.oss.livechat.server.agent;

import id.oss.livechat.model.StaffRole;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo mode's departments and accounts, so the product can be tried at once: {@code admin}, {@code
 * supervisor}, {@code agent1}..{@code agent3}, all with {@code DEMO_PASSWORD}. Only what is missing
 * is created; an existing account is left as it is.
 */
public class DemoStaff {
    record DemoDepartment(String code, String name, String email) {}

    record DemoAccount(
            String username,
            String displayName,
            StaffRole role,
            int maxChats,
            List<String> departments) {}

    static final List<DemoDepartment> DEPARTMENTS =
            List.of(
                    new DemoDepartment(
                            "perizinan", "Perizinan Berusaha", "perizinan@oss.example.id"),
                    new DemoDepartment("teknis", "Teknis & Akun OSS", "teknis@oss.example.id"));

    static final List<DemoAccount> ACCOUNTS =
            List.of(
                    new DemoAccount("admin", "Admin OSS", StaffRole.ADMIN, 0, List.of()),
                    new DemoAccount(
                            "supervisor",
                            "Sari Supervisor",
                            StaffRole.SUPERVISOR,
                            3,
                            List.of("umum", "perizinan", "teknis")),
                    new DemoAccount(
                            "agent1",
                            "Agus Pratama",
                            StaffRole.AGENT,
                            3,
                            List.of("umum", "perizinan")),
                    new DemoAccount(
                            "agent2",
                            "Dewi Lestari",
                            StaffRole.AGENT,
                            3,
                            List.of("umum", "teknis")),
                    new DemoAccount(
                            "agent3",
                            "Rudi Hartono",
                            StaffRole.AGENT,
                            3,
                            List.of("umum", "perizinan", "teknis")));

    private final StaffRepository staff;
    private final DepartmentRepository departments;
    private final PasswordHasher hasher;

    public DemoStaff(
            StaffRepository staff, DepartmentRepository departments, PasswordHasher hasher) {
        this.staff = staff;
        this.departments = departments;
        this.hasher = hasher;
    }

    public Mono<Void> ensure(String password) {
        Mono<Void> ensureDepartments =
                Flux.fromIterable(DEPARTMENTS)
                        .concatMap(
                                d ->
                                        departments
                                                .create(d.code(), d.name(), d.email(), false)
                                                .onErrorResume(e -> Mono.empty()))
                        .then();
        return ensureDepartments
                .then(departments.findAll().collectMap(Department::code, Department::id))
                .flatMapMany(
                        byCode ->
                                Flux.fromIterable(ACCOUNTS)
                                        .concatMap(
                                                account ->
                                                        staff.findByUsername(account.username())
                                                                .hasElement()
                                                                .flatMap(
                                                                        exists ->
                                                                                exists
                                                                                        ? Mono
                                                                                                .empty()
                                                                                        : create(
                                                                                                account,
                                                                                                password,
                                                                                                byCode.values()
                                                                                                                .isEmpty()
                                                                                                        ? List
                                                                                                                .of()
                                                                                                        : account
                                                                                                                .departments()
                                                                                                                .stream()
                                                                                                                .map(
                                                                                                                        byCode
                                                                                                                                ::get)
                                                                                                                .filter(
                                                                                                                        java
                                                                                                                                        .util
                                                                                                                                        .Objects
                                                                                                                                ::nonNull)
                                                                                                                .toList()))))
                .then();
    }

    private Mono<StaffAccount> create(
            DemoAccount account, String password, List<UUID> departmentIds) {
        return hasher.hash(password)
                .flatMap(
                        hash ->
                                staff.create(
                                        new StaffRepository.NewAccount(
                                                account.username(),
                                                account.displayName(),
                                                account.username() + "@oss.example.id",
                                                hash,
                                                account.role(),
                                                account.maxChats(),
                                                departmentIds)));
    }
}
