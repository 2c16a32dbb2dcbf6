package id.oss.livechat.server.realtime;

import id.oss.livechat.server.agent.StaffAccount;
import id.oss.livechat.server.agent.StaffDirectory;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.StaffTokenVerifier;
import id.oss.livechat.server.session.VisitorAccess;
import reactor.core.publisher.Mono;

/**
 * Reads a socket's {@code auth} frame: a visitor token on {@code /ws/visitor}, a staff JWT on
 * {@code /ws/agent}. The session feature knows visitor tokens; the agent feature staff tokens and
 * accounts.
 */
public class SocketAuthenticator {
    private final VisitorAccess visitors;
    private final StaffTokenVerifier staffTokens;
    private final StaffDirectory staff;

    public SocketAuthenticator(
            VisitorAccess visitors, StaffTokenVerifier staffTokens, StaffDirectory staff) {
        this.visitors = visitors;
        this.staffTokens = staffTokens;
        this.staff = staff;
    }

    public Mono<Principal> visitor(String token) {
        return visitors.sessionOf(token)
                .switchIfEmpty(Mono.error(invalid()))
                .map(sessionId -> new Principal.Visitor(sessionId, null));
    }

    public Mono<Principal> staff(String token) {
        if (token == null || token.isBlank()) {
            return Mono.error(invalid());
        }
        return staffTokens.verify(token).flatMap(this::withDepartments);
    }

    /** The member's departments as they are now: an admin's change revokes the token anyway. */
    private Mono<Principal> withDepartments(StaffTokenVerifier.Verified verified) {
        return staff.account(verified.staff().id())
                .map(StaffAccount::departmentIds)
                .<Principal>map(
                        departments ->
                                new Principal.StaffMember(
                                        verified.staff(), departments, verified.expiresAt()))
                .switchIfEmpty(Mono.error(invalid()));
    }

    private static Problem invalid() {
        return Problem.unauthorized("invalid_token", "The token is not valid.");
    }
}
