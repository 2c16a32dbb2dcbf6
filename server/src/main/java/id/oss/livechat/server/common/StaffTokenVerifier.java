package id.oss.livechat.server.common;

import reactor.core.publisher.Mono;

/** Turns a staff access token into the staff member, or fails with a 401 {@link Problem}. */
public interface StaffTokenVerifier {
    Mono<Staff> verify(String token);
}
