package id.oss.livechat.server.system.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What makes {@code JWT_SECRET} and {@code OSS_IDENTITY_SECRET} good enough for production: at
 * least {@value #MIN_LENGTH} characters, at least {@value #MIN_DISTINCT} different ones, and none
 * of the documented demo or placeholder values. Both are HMAC-SHA256 keys; a short or guessable one
 * can be brute-forced from one captured token or identity hash.
 */
public final class SecretRules {
    public static final int MIN_LENGTH = 32;
    public static final int MIN_DISTINCT = 8;

    /** Values that are published (README, examples, demo mode) and so protect nothing. */
    private static final Set<String> KNOWN =
            Set.of(
                    "oss-livechat-demo-jwt-secret-not-for-production",
                    "demo-oss-secret",
                    "your_jwt_secret",
                    "changeme",
                    "change-me",
                    "secret");

    private SecretRules() {}

    /** Why the secret is not acceptable, or null when it is. */
    public static String weakness(String value) {
        if (value == null || value.isBlank()) {
            return "missing";
        }
        if (KNOWN.contains(value.strip().toLowerCase(Locale.ROOT))) {
            return "a published demo or placeholder value";
        }
        if (value.length() < MIN_LENGTH) {
            return "weak (" + value.length() + " characters, at least " + MIN_LENGTH + " needed)";
        }
        if (value.chars().distinct().count() < MIN_DISTINCT) {
            return "weak (fewer than " + MIN_DISTINCT + " different characters)";
        }
        return null;
    }

    /**
     * The problems of a production configuration, one phrase each ({@code "JWT_SECRET is
     * missing"}); empty when both secrets are good.
     */
    public static List<String> productionProblems(String jwtSecret, String identitySecret) {
        List<String> problems = new ArrayList<>();
        String jwt = weakness(jwtSecret);
        if (jwt != null) {
            problems.add("JWT_SECRET is " + jwt);
        }
        String identity = weakness(identitySecret);
        if (identity != null) {
            problems.add("OSS_IDENTITY_SECRET is " + identity);
        }
        return problems;
    }
}
