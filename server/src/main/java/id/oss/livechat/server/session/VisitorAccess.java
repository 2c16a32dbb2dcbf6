package id.oss.livechat.server.session;

import id.oss.livechat.server.common.Problem;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Proves that a visitor owns a session with its {@code visitor_token}. No or an unknown token: 401.
 * A valid token of another session: 403 (or 404 when the asked session does not exist).
 */
public class VisitorAccess {
    private final SessionRepository sessions;

    public VisitorAccess(SessionRepository sessions) {
        this.sessions = sessions;
    }

    public Mono<ChatSession> authorize(UUID sessionId, String token) {
        if (token == null || token.isBlank()) {
            return Mono.error(
                    Problem.unauthorized(
                            "unauthorized", "Send the session's visitor_token as a Bearer token."));
        }
        if (!VisitorToken.looksValid(token)) {
            return Mono.error(invalidToken());
        }
        return sessions.findIdByTokenHash(VisitorToken.hash(token))
                .switchIfEmpty(Mono.error(invalidToken()))
                .flatMap(
                        owned ->
                                owned.equals(sessionId)
                                        ? sessions.findById(sessionId)
                                        : sessions.findById(sessionId)
                                                .switchIfEmpty(
                                                        Mono.error(Problem.notFound("The session")))
                                                .then(
                                                        Mono.error(
                                                                Problem.forbidden(
                                                                        "This visitor_token belongs to another session."))));
    }

    /**
     * The session a visitor token belongs to (a socket's {@code auth} frame); empty when the token
     * proves none, so the caller answers in its own words.
     */
    public Mono<UUID> sessionOf(String token) {
        if (!VisitorToken.looksValid(token)) {
            return Mono.empty();
        }
        return sessions.findIdByTokenHash(VisitorToken.hash(token));
    }

    private static Problem invalidToken() {
        return Problem.unauthorized("invalid_token", "The visitor_token is not valid.");
    }
}
