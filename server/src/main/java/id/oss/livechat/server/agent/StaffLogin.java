package id.oss.livechat.server.agent;

import id.oss.livechat.model.staff.LoginRequest;
import id.oss.livechat.model.staff.LoginResponse;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import java.time.Duration;
import java.util.Locale;
import reactor.core.publisher.Mono;

/**
 * Password login for staff. A wrong username and a wrong password look the same from outside (same
 * answer, about the same time), and repeated failures are slowed down, then refused.
 */
public class StaffLogin {

    private final StaffRepository staff;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final LoginThrottle users;
    private final LoginThrottle addresses;
    // the hash of a random password: checking an unknown user against it costs what a real check
    // costs
    private final Mono<String> dummyHash;

    public StaffLogin(
            StaffRepository staff,
            PasswordHasher hasher,
            TokenIssuer tokens,
            LoginThrottle users,
            LoginThrottle addresses) {
        this.staff = staff;
        this.hasher = hasher;
        this.tokens = tokens;
        this.users = users;
        this.addresses = addresses;
        this.dummyHash = hasher.hash(java.util.UUID.randomUUID().toString()).cache();
    }

    public Mono<LoginResponse> login(LoginRequest request, String clientAddress) {
        FieldCheck.of()
                .requiredLine("username", request.username(), 64)
                .required("password", request.password(), 200)
                .orThrow();
        String username = request.username().strip().toLowerCase(Locale.ROOT);
        String userKey = username;
        String addressKey = clientAddress;
        Duration locked = max(users.lockedFor(userKey), addresses.lockedFor(addressKey));
        if (!locked.isZero() && !locked.isNegative()) {
            return Mono.error(
                    Problem.rateLimited(
                            "Too many failed sign-ins; try again in "
                                    + (locked.toMinutes() + 1)
                                    + " minutes.",
                            locked));
        }
        Duration delay = max(users.delayFor(userKey), addresses.delayFor(addressKey));
        return Mono.delay(delay)
                .then(staff.findByUsername(username).filter(StaffAccount::active))
                .flatMap(
                        account ->
                                hasher.matches(request.password(), account.passwordHash())
                                        .filter(Boolean::booleanValue)
                                        .map(ok -> account))
                .switchIfEmpty(
                        // unknown user: spend the same effort, so timing does not tell users apart
                        Mono.defer(
                                () ->
                                        dummyHash
                                                .flatMap(
                                                        hash ->
                                                                hasher.matches(
                                                                        request.password(), hash))
                                                .then(Mono.empty())))
                .map(
                        account -> {
                            users.succeeded(userKey);
                            TokenIssuer.Issued issued = tokens.issue(account);
                            return new LoginResponse(
                                    issued.token(),
                                    "Bearer",
                                    issued.expiresInSeconds(),
                                    StaffDirectory.profileOf(account));
                        })
                .switchIfEmpty(
                        Mono.defer(
                                () -> {
                                    users.failed(userKey);
                                    addresses.failed(addressKey);
                                    return Mono.error(
                                            Problem.unauthorized(
                                                    "invalid_credentials",
                                                    "Wrong username or password."));
                                }));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
