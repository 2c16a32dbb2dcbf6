package id.oss.livechat.server.agent;

import id.oss.livechat.model.StaffRole;
import id.oss.livechat.model.staff.Agent;
import id.oss.livechat.model.staff.NewAgentRequest;
import id.oss.livechat.model.staff.StaffProfile;
import id.oss.livechat.model.staff.UpdateAgentRequest;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Texts;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Administration of staff accounts: create, list, update, deactivate. */
public class StaffDirectory {
    static final int DEFAULT_MAX_CHATS = 3;
    static final int MIN_PASSWORD_LENGTH = 8;

    private final StaffRepository staff;
    private final DepartmentRepository departments;
    private final PasswordHasher hasher;

    public StaffDirectory(
            StaffRepository staff, DepartmentRepository departments, PasswordHasher hasher) {
        this.staff = staff;
        this.departments = departments;
        this.hasher = hasher;
    }

    public Flux<Agent> list() {
        return staff.findAll().map(StaffDirectory::toAgent);
    }

    /** The account as stored (role, departments); empty when there is none. */
    public Mono<StaffAccount> account(UUID id) {
        return staff.findById(id);
    }

    public Mono<Agent> get(UUID id) {
        return staff.findById(id)
                .map(StaffDirectory::toAgent)
                .switchIfEmpty(Mono.error(Problem.notFound("The agent")));
    }

    public Mono<Agent> create(NewAgentRequest request) {
        String username = Texts.clean(request.username());
        int maxChats = request.maxChats() == null ? DEFAULT_MAX_CHATS : request.maxChats();
        List<UUID> departmentIds =
                request.departmentIds() == null ? List.of() : List.copyOf(request.departmentIds());
        FieldCheck check =
                FieldCheck.of()
                        .requiredLine("username", username, 64)
                        .rule(
                                username == null
                                        || username.toLowerCase(Locale.ROOT)
                                                .matches("[a-z0-9][a-z0-9._-]*"),
                                "username",
                                "may hold letters, digits, dot, dash and underscore")
                        .requiredLine("display_name", request.displayName(), 255)
                        .line("email", request.email(), 255)
                        .email("email", request.email())
                        .required("password", request.password(), 200)
                        .requiredPresent("role", request.role());
        checkPassword(check, request.password());
        checkMaxChats(check, maxChats);
        check.orThrow();
        return requireDepartments(departmentIds)
                .then(hasher.hash(request.password()))
                .flatMap(
                        hash ->
                                staff.create(
                                        new StaffRepository.NewAccount(
                                                username.toLowerCase(Locale.ROOT),
                                                request.displayName().strip(),
                                                Texts.clean(request.email()),
                                                hash,
                                                request.role(),
                                                maxChats,
                                                departmentIds)))
                .map(StaffDirectory::toAgent);
    }

    public Mono<Agent> update(UUID id, UpdateAgentRequest request) {
        FieldCheck check =
                FieldCheck.of()
                        .line("display_name", request.displayName(), 255)
                        .rule(
                                request.displayName() == null || !request.displayName().isBlank(),
                                "display_name",
                                "must not be empty")
                        .line("email", request.email(), 255)
                        .email("email", request.email());
        if (request.password() != null) {
            checkPassword(check, request.password());
        }
        if (request.maxChats() != null) {
            checkMaxChats(check, request.maxChats());
        }
        check.orThrow();
        List<UUID> departmentIds =
                request.departmentIds() == null ? null : List.copyOf(request.departmentIds());
        Mono<String> hash =
                request.password() == null ? Mono.just("") : hasher.hash(request.password());
        return staff.findById(id)
                .switchIfEmpty(Mono.error(Problem.notFound("The agent")))
                .then(departmentIds == null ? Mono.empty() : requireDepartments(departmentIds))
                .then(hash)
                .flatMap(
                        h ->
                                staff.update(
                                        id,
                                        new StaffRepository.Changes(
                                                request.displayName() == null
                                                        ? null
                                                        : request.displayName().strip(),
                                                Texts.clean(request.email()),
                                                h.isEmpty() ? null : h,
                                                request.role(),
                                                request.maxChats(),
                                                request.active(),
                                                departmentIds)))
                .map(StaffDirectory::toAgent);
    }

    private Mono<Void> requireDepartments(List<UUID> ids) {
        return Flux.fromIterable(ids)
                .flatMap(
                        id ->
                                departments
                                        .findById(id)
                                        .switchIfEmpty(
                                                Mono.error(
                                                        Problem.invalidField(
                                                                "department_ids",
                                                                "names a department that does not exist"))))
                .then();
    }

    private static void checkPassword(FieldCheck check, String password) {
        check.rule(
                password == null || password.length() >= MIN_PASSWORD_LENGTH,
                "password",
                "must be at least " + MIN_PASSWORD_LENGTH + " characters");
    }

    private static void checkMaxChats(FieldCheck check, int maxChats) {
        check.rule(maxChats >= 0 && maxChats <= 50, "max_chats", "must be between 0 and 50");
    }

    public static Agent toAgent(StaffAccount a) {
        return new Agent(
                a.id(),
                a.username(),
                a.displayName(),
                a.email(),
                a.role(),
                a.status(),
                a.departmentIds(),
                a.maxChats(),
                a.activeChats(),
                a.active());
    }

    public static StaffProfile profileOf(StaffAccount a) {
        return new StaffProfile(a.id(), a.username(), a.displayName(), a.role(), a.departmentIds());
    }

    /**
     * Roles that may take a chat by their own choice. Admins administer; they do not sit in queues.
     */
    public static boolean takesChats(StaffRole role) {
        return role != StaffRole.ADMIN;
    }

    /**
     * Roles that routing, a supervisor's assignment or a transfer may hand a chat to: agents only.
     * Supervisors take chats only when they choose to.
     */
    public static boolean isHandedChats(StaffRole role) {
        return role == StaffRole.AGENT;
    }
}
