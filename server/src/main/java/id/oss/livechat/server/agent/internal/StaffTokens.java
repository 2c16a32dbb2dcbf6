package id.oss.livechat.server.agent.internal;

import id.oss.livechat.model.StaffRole;
import id.oss.livechat.server.agent.StaffRepository;
import id.oss.livechat.server.agent.TokenIssuer;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.common.StaffTokenVerifier;
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
 * Spring Security's decoder, and the account must still be active, so deactivating an agent takes
 * effect at once rather than when its token expires. Used by the REST filter chain and by the staff
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
    public Mono<Staff> verify(String token) {
        return decoder.decode(token)
                .onErrorMap(JwtException.class, e -> invalid())
                .flatMap(this::toActiveStaff);
    }

    private Mono<Staff> toActiveStaff(Jwt jwt) {
        Staff member;
        try {
            member =
                    new Staff(
                            UUID.fromString(jwt.getSubject()),
                            jwt.getClaimAsString(TokenIssuer.USERNAME_CLAIM),
                            jwt.getClaimAsString(TokenIssuer.NAME_CLAIM),
                            StaffRole.fromWire(jwt.getClaimAsString(TokenIssuer.ROLE_CLAIM)));
        } catch (RuntimeException malformed) {
            return Mono.error(invalid());
        }
        return staff.isActive(member.id())
                .flatMap(active -> active ? Mono.just(member) : Mono.error(invalid()));
    }

    private static Problem invalid() {
        return Problem.unauthorized(
                "invalid_token", "The access token is not valid; sign in again.");
    }
}
