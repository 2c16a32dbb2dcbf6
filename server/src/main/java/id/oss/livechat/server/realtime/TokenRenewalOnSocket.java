package id.oss.livechat.server.realtime;

import id.oss.livechat.server.common.Problem;
import reactor.core.publisher.Mono;

/**
 * An {@code auth} frame on a socket that is signed in already. On a staff socket it carries the
 * member's renewed token ({@code POST /api/auth/refresh}): the socket then lives until that token
 * expires, so a desktop renews mid-shift without a new socket (no reload, nothing missed, nothing
 * twice, no gap in presence). A token that is not valid, or is another member's, is refused ({@code
 * invalid_token}) and changes nothing: the socket still ends with its own token. A visitor socket
 * has nothing to renew ({@code already_authenticated}).
 */
public class TokenRenewalOnSocket {
    private final SocketAuthenticator authenticator;
    private final SocketSessions sockets;

    public TokenRenewalOnSocket(SocketAuthenticator authenticator, SocketSessions sockets) {
        this.authenticator = authenticator;
        this.sockets = sockets;
    }

    public Mono<Void> renew(ClientConnection connection, String token) {
        if (!(connection.principal() instanceof Principal.StaffMember member)) {
            return Mono.error(
                    new Problem(
                            Problem.Kind.CONFLICT,
                            "already_authenticated",
                            "This socket is signed in already."));
        }
        return authenticator
                .staff(token)
                .filter(renewed -> sameMember(renewed, member))
                .cast(Principal.StaffMember.class)
                .switchIfEmpty(Mono.error(TokenRenewalOnSocket::notThisMembers))
                .flatMap(renewed -> sockets.renewed(connection, renewed));
    }

    private static boolean sameMember(Principal renewed, Principal.StaffMember member) {
        return renewed instanceof Principal.StaffMember other
                && other.staff().id().equals(member.staff().id());
    }

    private static Problem notThisMembers() {
        return Problem.unauthorized(
                "invalid_token", "A renewed token must be this socket's staff member's.");
    }
}
