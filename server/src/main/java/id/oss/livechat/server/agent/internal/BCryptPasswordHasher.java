package id.oss.livechat.server.agent.internal;

import id.oss.livechat.server.agent.PasswordHasher;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** BCrypt, run on the bounded elastic scheduler: a hash takes tens of milliseconds of CPU. */
public class BCryptPasswordHasher implements PasswordHasher {
    private final BCryptPasswordEncoder encoder;

    public BCryptPasswordHasher(int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
    }

    @Override
    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> encoder.matches(password, hash))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
