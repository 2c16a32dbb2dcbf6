package id.oss.livechat.server.agent.internal;

import id.oss.livechat.server.agent.StaffAccount;
import id.oss.livechat.server.agent.TokenIssuer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Staff tokens: HS256 JWTs signed with {@code JWT_SECRET}, living {@code JWT_EXPIRES_IN}. */
public class JwtTokenIssuer implements TokenIssuer {
    private final JwtEncoder encoder;
    private final Duration lifetime;
    private final Clock clock;

    public JwtTokenIssuer(JwtEncoder encoder, Duration lifetime, Clock clock) {
        this.encoder = encoder;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Signs with the settings' key, for the settings' lifetime. */
    public JwtTokenIssuer(JwtSettings settings, Clock clock) {
        this(NimbusJwtEncoder.withSecretKey(settings.key()).build(), settings.lifetime(), clock);
    }

    @Override
    public Issued issue(StaffAccount account) {
        Instant now = clock.instant();
        JwtClaimsSet claims =
                JwtClaimsSet.builder()
                        .issuer(JwtSettings.ISSUER)
                        .subject(account.id().toString())
                        .issuedAt(now)
                        .expiresAt(now.plus(lifetime))
                        .claim(USERNAME_CLAIM, account.username())
                        .claim(NAME_CLAIM, account.displayName())
                        .claim(ROLE_CLAIM, account.role().wire())
                        .claim(VERSION_CLAIM, account.tokenVersion())
                        .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new Issued(token, lifetime.toSeconds());
    }
}
