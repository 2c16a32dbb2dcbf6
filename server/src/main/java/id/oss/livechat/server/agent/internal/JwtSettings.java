package id.oss.livechat.server.agent.internal;

import id.oss.livechat.server.common.DurationText;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key and lifetime of staff tokens, from {@code JWT_SECRET} and {@code JWT_EXPIRES_IN}. A
 * secret shorter than 32 characters is refused: HS256 with a short key can be brute-forced from one
 * captured token.
 */
public record JwtSettings(SecretKey key, Duration lifetime) {
    public static final String ISSUER = "oss-livechat";
    public static final int MIN_SECRET_LENGTH = 32;

    /** Demo mode only, and documented as such: tokens signed with it protect nothing. */
    public static final String DEMO_SECRET = "oss-livechat-demo-jwt-secret-not-for-production";

    public static JwtSettings from(String secret, String expiresIn, boolean demo) {
        String effective =
                secret == null || secret.isBlank() ? (demo ? DEMO_SECRET : null) : secret;
        if (effective == null || effective.length() < MIN_SECRET_LENGTH) {
            throw new WeakSecretException(
                    "JWT_SECRET is "
                            + (effective == null ? "missing" : "weak")
                            + ": set it to at least "
                            + MIN_SECRET_LENGTH
                            + " random characters (e.g. openssl rand -base64 48)");
        }
        Duration lifetime;
        try {
            lifetime =
                    DurationText.parse(
                            expiresIn == null || expiresIn.isBlank() ? "24h" : expiresIn);
        } catch (IllegalArgumentException e) {
            throw new WeakSecretException("JWT_EXPIRES_IN: " + e.getMessage());
        }
        if (lifetime.isZero() || lifetime.isNegative()) {
            throw new WeakSecretException("JWT_EXPIRES_IN must be positive, e.g. 24h");
        }
        return new JwtSettings(
                new SecretKeySpec(effective.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                lifetime);
    }

    /** A configuration the server refuses to start with; its message is the one line to print. */
    public static class WeakSecretException extends IllegalStateException {
        public WeakSecretException(String message) {
            super(message);
        }
    }
}
