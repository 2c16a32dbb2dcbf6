package id.oss.livechat.server.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret that proves a visitor owns a session. Only its SHA-256 is stored, so a leaked database
 * does not hand out live sessions.
 */
public final class VisitorToken {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "vt_";

    private VisitorToken() {}

    /** A fresh token and the hash to store. */
    public record Issued(String token, byte[] hash) {}

    public static Issued issue() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Issued(token, hash(token));
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A cheap shape check, to refuse garbage before touching the database. */
    public static boolean looksValid(String token) {
        return token != null && token.startsWith(PREFIX) && token.length() == PREFIX.length() + 43;
    }
}
