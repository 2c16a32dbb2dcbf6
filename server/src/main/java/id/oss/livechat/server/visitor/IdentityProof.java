package id.oss.livechat.server.visitor;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that the OSS portal issued an {@code oss_user_id}: the portal's backend sends {@code
 * identity_hash = hex(HMAC-SHA256(OSS_IDENTITY_SECRET, oss_user_id))}, the identity verification
 * scheme of Intercom and Chatwoot. The browser never holds the secret.
 */
public final class IdentityProof {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    /**
     * @param secret the shared secret; blank means no proof can ever be valid
     */
    public IdentityProof(String secret) {
        this.key =
                secret == null || secret.isBlank()
                        ? null
                        : new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public boolean isConfigured() {
        return key != null;
    }

    public boolean isValid(String ossUserId, String identityHash) {
        if (key == null || ossUserId == null || identityHash == null) {
            return false;
        }
        byte[] presented;
        try {
            presented =
                    HexFormat.of().parseHex(identityHash.trim().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        // constant-time: a timing difference must not reveal how much of a forgery was right
        return MessageDigest.isEqual(mac(key, ossUserId), presented);
    }

    /**
     * The proof for {@code ossUserId} under this server's own secret: what the demo portal's
     * backend hands its logged-in visitor.
     *
     * @throws IllegalStateException when no secret is configured
     */
    public String sign(String ossUserId) {
        if (key == null) {
            throw new IllegalStateException("No OSS identity secret is configured");
        }
        return HexFormat.of().formatHex(mac(key, ossUserId));
    }

    /** What the portal's backend computes; the demo portal and the tests use it too. */
    public static String hashFor(String secret, String ossUserId) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        return HexFormat.of().formatHex(mac(key, ossUserId));
    }

    private static byte[] mac(SecretKeySpec key, String ossUserId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(ossUserId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
