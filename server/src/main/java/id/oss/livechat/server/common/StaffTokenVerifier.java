package id.oss.livechat.server.common;

import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Turns a staff access token into the staff member, as the database has it now, or fails with a 401
 * {@link Problem}: a forged, expired or revoked token, or a deactivated account.
 */
public interface StaffTokenVerifier {

    /** Who the token is for, with the role read now, and when the token stops working. */
    record Verified(Staff staff, Instant expiresAt) {}

    Mono<Verified> verify(String token);
}
