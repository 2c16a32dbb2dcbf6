package id.oss.livechat.server.agent;

import id.oss.livechat.model.StaffRole;
import id.oss.livechat.model.realtime.FrameTypes;
import id.oss.livechat.model.staff.Agent;
import id.oss.livechat.model.staff.NewAgentRequest;
import id.oss.livechat.model.staff.StaffProfile;
import id.oss.livechat.model.staff.UpdateAgentRequest;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.common.Texts;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Administration of staff accounts: create, list, update, deactivate. */
public class StaffDirectory {
    static final int DEFAULT_MAX_CHATS = 3;
    public static final int MIN_PASSWORD_LENGTH = 8;

    private final StaffRepository staff;
    private final DepartmentRepository departments;
    private final PasswordHasher hasher;
    private final ChatEventBus bus;

    public StaffDirectory(
            StaffRepository staff,
            DepartmentRepository departments,
            PasswordHasher hasher,
            ChatEventBus bus) {
        this.staff = staff;
        this.departments = departments;
        this.hasher = hasher;
        this.bus = bus;
    }

    /** Every account; an agent sees its colleagues' names and ids, not their e-mails. */
    public Flux<Agent> list(Staff viewer) {
        return staff.findAll().map(StaffDirectory::toAgent).map(a -> asSeenBy(viewer, a));
    }

    /** One account as the viewer may see it (no colleague's e-mail for an agent). */
    public Mono<Agent> get(Staff viewer, UUID id) {
        return get(id).map(a -> asSeenBy(viewer, a));
    }

    /**
     * Least exposure: staff e-mails are for supervisors and admins (and one's own); an agent needs
     * a colleague's name and id to hand a chat over, nothing more.
     */
    static Agent asSeenBy(Staff viewer, Agent agent) {
        if (viewer.overseesAllChats() || viewer.id().equals(agent.id())) {
            return agent;
        }
        return new Agent(
                agent.id(),
                agent.username(),
                agent.displayName(),
                null,
                agent.role(),
                agent.status(),
                agent.departmentIds(),
                agent.maxChats(),
                agent.activeChats(),
                agent.active());
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
                .flatMap(
                        before ->
                                (departmentIds == null
                                                ? Mono.<Void>empty()
                                                : requireDepartments(departmentIds))
                                        .then(hash)
                                        .flatMap(h -> store(id, request, departmentIds, h, before)))
                .map(StaffDirectory::toAgent);
    }

    /**
     * Stores the change; one that takes access away (deactivation, another role, other departments,
     * a new password) revokes the account's tokens in the same statement and closes its sockets.
     */
    private Mono<StaffAccount> store(
            UUID id,
            UpdateAgentRequest request,
            List<UUID> departmentIds,
            String hash,
            StaffAccount before) {
        String revoked = revocationReason(request, departmentIds, before);
        StaffRepository.Changes changes =
                new StaffRepository.Changes(
                        request.displayName() == null ? null : request.displayName().strip(),
                        Texts.clean(request.email()),
                        hash.isEmpty() ? null : hash,
                        request.role(),
                        request.maxChats(),
                        request.active(),
                        departmentIds,
                        revoked != null);
        Mono<StaffAccount> updated = staff.update(id, changes);
        if (revoked == null) {
            return updated;
        }
        return updated.flatMap(
                account ->
                        bus.publish(new ChatEvent.AccessRevoked(id, revoked)).thenReturn(account));
    }

    /** Why the change revokes the account's tokens, or null when it does not. */
    static String revocationReason(
            UpdateAgentRequest request, List<UUID> departmentIds, StaffAccount before) {
        if (request.password() != null) {
            return FrameTypes.REVOKED_PASSWORD_CHANGED;
        }
        boolean deactivated = Boolean.FALSE.equals(request.active()) && before.active();
        boolean newRole = request.role() != null && request.role() != before.role();
        boolean newDepartments =
                departmentIds != null
                        && !Set.copyOf(departmentIds).equals(Set.copyOf(before.departmentIds()));
        return deactivated || newRole || newDepartments ? FrameTypes.REVOKED_ACCESS_CHANGED : null;
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
