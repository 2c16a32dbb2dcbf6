package id.oss.livechat.server.realtime;

import id.oss.livechat.server.agent.StaffAccount;
import id.oss.livechat.server.agent.StaffRepository;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.StaffTokenVerifier;
import id.oss.livechat.server.session.SessionRepository;
import id.oss.livechat.server.session.VisitorToken;
import reactor.core.publisher.Mono;

/**
 * Reads a socket's {@code auth} frame: a visitor token on {@code /ws/visitor}, a staff JWT on
 * {@code /ws/agent}.
 */
public class SocketAuthenticator {
    private final SessionRepository sessions;
    private final StaffTokenVerifier staffTokens;
    private final StaffRepository staff;

    public SocketAuthenticator(
            SessionRepository sessions, StaffTokenVerifier staffTokens, StaffRepository staff) {
        this.sessions = sessions;
        this.staffTokens = staffTokens;
        this.staff = staff;
    }

    public Mono<Principal> visitor(String token) {
        if (!VisitorToken.looksValid(token)) {
            return Mono.error(invalid());
        }
        return sessions.findIdByTokenHash(VisitorToken.hash(token))
                .switchIfEmpty(Mono.error(invalid()))
                .map(sessionId -> new Principal.Visitor(sessionId, null));
    }

    public Mono<Principal> staff(String token) {
        if (token == null || token.isBlank()) {
            return Mono.error(invalid());
        }
        return staffTokens
                .verify(token)
                .flatMap(
                        member ->
                                staff.findById(member.id())
                                        .map(StaffAccount::departmentIds)
                                        .map(
                                                departments ->
                                                        (Principal)
                                                                new Principal.StaffMember(
                                                                        member, departments)))
                .switchIfEmpty(Mono.error(invalid()));
    }

    private static Problem invalid() {
        return Problem.unauthorized("invalid_token", "The token is not valid.");
    }
}
