package id.oss.livechat.server.agent.internal;

import id.oss.livechat.server.agent.StaffRepository;
import id.oss.livechat.server.agent.TokenIssuer;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.common.StaffTokenVerifier;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Turns a staff JWT into the acting {@link Staff} member: the signature and expiry are checked by
 * Spring Security's decoder; then the account is read from the database, and it must still be
 * active and its token version must be the token's. The role is the database's, not the token's. So
 * deactivating an agent, changing its role, its departments or its password, or signing out take
 * effect at once rather than when the token expires. Used by the REST filter chain and by the staff
 * WebSocket's {@code auth} frame alike, through {@link StaffTokenVerifier}.
 */
public class StaffTokens implements StaffTokenVerifier {
    private final ReactiveJwtDecoder decoder;
    private final StaffRepository staff;

    public StaffTokens(ReactiveJwtDecoder decoder, StaffRepository staff) {
        this.decoder = decoder;
        this.staff = staff;
    }

    /** Checks HS256 tokens signed with the settings' key by this server ({@code iss}). */
    public StaffTokens(JwtSettings settings, StaffRepository staff) {
        this(decoder(settings), staff);
    }

    private static ReactiveJwtDecoder decoder(JwtSettings settings) {
        NimbusReactiveJwtDecoder decoder =
                NimbusReactiveJwtDecoder.withSecretKey(settings.key())
                        .macAlgorithm(MacAlgorithm.HS256)
                        .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(JwtSettings.ISSUER));
        return decoder;
    }

    /** The staff member, or an error {@link Problem} 401 for a bad, expired or revoked token. */
    @Override
    public Mono<Verified> verify(String token) {
        return decoder.decode(token)
                .onErrorMap(JwtException.class, e -> invalid())
                .flatMap(this::current);
    }

    /** What the token claims, checked against the account as it is now. */
    private record Claims(UUID accountId, long version, Instant expiresAt) {}

    private Mono<Verified> current(Jwt jwt) {
        Claims claims;
        try {
            claims = claimsOf(jwt);
        } catch (RuntimeException malformed) {
            return Mono.error(invalid());
        }
        return staff.standing(claims.accountId())
                .filter(
                        standing ->
                                standing.active() && standing.tokenVersion() == claims.version())
                .map(standing -> new Verified(memberOf(standing), claims.expiresAt()))
                .switchIfEmpty(Mono.error(StaffTokens::invalid));
    }

    private static Claims claimsOf(Jwt jwt) {
        Object version = jwt.getClaims().get(TokenIssuer.VERSION_CLAIM);
        // tokens issued before versions existed count as version 0: the first revocation ends them
        long number = version == null ? 0 : ((Number) version).longValue();
        return new Claims(UUID.fromString(jwt.getSubject()), number, jwt.getExpiresAt());
    }

    private static Staff memberOf(StaffRepository.Standing standing) {
        return new Staff(
                standing.id(), standing.username(), standing.displayName(), standing.role());
    }

    private static Problem invalid() {
        return Problem.unauthorized(
                "invalid_token", "The access token is not valid; sign in again.");
    }
}
