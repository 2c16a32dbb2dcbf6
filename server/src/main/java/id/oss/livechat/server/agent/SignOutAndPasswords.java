package id.oss.livechat.server.agent;

import id.oss.livechat.model.realtime.FrameTypes;
import id.oss.livechat.model.staff.PasswordChangeRequest;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import reactor.core.publisher.Mono;

/**
 * What a staff member does to its own access: signing out, and changing its password. Both revoke
 * every token the account was issued (on every device) and close its sockets on every node, through
 * an {@link ChatEvent.AccessRevoked} on the bus.
 */
public class SignOutAndPasswords {
    private final StaffRepository staff;
    private final PasswordHasher hasher;
    private final ChatEventBus bus;

    public SignOutAndPasswords(StaffRepository staff, PasswordHasher hasher, ChatEventBus bus) {
        this.staff = staff;
        this.hasher = hasher;
        this.bus = bus;
    }

    /** {@code POST /api/auth/logout}: the token used, and every other of the account, stop. */
    public Mono<Void> signOut(Staff me) {
        return staff.revokeTokens(me.id()).then(revoked(me, FrameTypes.REVOKED_SIGNED_OUT));
    }

    /**
     * {@code PUT /api/agents/me/password}: only with the current password; a wrong one is a 400
     * naming {@code current_password} and changes nothing.
     */
    public Mono<Void> changePassword(Staff me, PasswordChangeRequest request) {
        FieldCheck.of()
                .required("current_password", request.currentPassword(), 200)
                .required("new_password", request.newPassword(), 200)
                .rule(
                        request.newPassword() == null
                                || request.newPassword().length()
                                        >= StaffDirectory.MIN_PASSWORD_LENGTH,
                        "new_password",
                        "must be at least " + StaffDirectory.MIN_PASSWORD_LENGTH + " characters")
                .orThrow();
        return staff.findById(me.id())
                .switchIfEmpty(Mono.error(Problem.notFound("The agent")))
                .flatMap(
                        account ->
                                hasher.matches(request.currentPassword(), account.passwordHash()))
                .flatMap(matches -> matches ? hasher.hash(request.newPassword()) : wrongCurrent())
                .flatMap(hash -> staff.update(me.id(), newPassword(hash)))
                .then(revoked(me, FrameTypes.REVOKED_PASSWORD_CHANGED));
    }

    private static Mono<String> wrongCurrent() {
        return Mono.error(Problem.invalidField("current_password", "is not your current password"));
    }

    private static StaffRepository.Changes newPassword(String hash) {
        return new StaffRepository.Changes(null, null, hash, null, null, null, null, true);
    }

    private Mono<Void> revoked(Staff me, String reason) {
        return Mono.defer(() -> bus.publish(new ChatEvent.AccessRevoked(me.id(), reason)));
    }
}
