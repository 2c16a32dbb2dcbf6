package id.oss.livechat.server.agent;

import reactor.core.publisher.Mono;

/**
 * Hashes and checks passwords. Deliberately slow (BCrypt), so implementations run off the event
 * loop and answer with a Mono.
 */
public interface PasswordHasher {
    Mono<String> hash(String password);

    Mono<Boolean> matches(String password, String hash);
}
