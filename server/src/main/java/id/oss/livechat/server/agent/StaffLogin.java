package id.oss.livechat.server.agent;

import id.oss.livechat.model.staff.LoginRequest;
import id.oss.livechat.model.staff.LoginResponse;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Password login for staff. A wrong username and a wrong password look the same from outside (same
 * answer, about the same time), and repeated failures are slowed down per name and address (never
 * locked: see {@link LoginThrottle}), and written to the audit log.
 */
public class StaffLogin {
    private static final Logger audit = LoggerFactory.getLogger("audit.sign-in");

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
        // the name with the address: a stranger guessing a name slows only its own guesses
        String userKey = username + " from " + clientAddress;
        String addressKey = clientAddress;
        // counted before the password is checked, so parallel guesses are all counted
        LoginThrottle.Turn user = users.attempt(userKey);
        LoginThrottle.Turn address = addresses.attempt(addressKey);
        if (user.refused() || address.refused()) {
            audit.warn(
                    "Sign-in attempts for '{}' from {} refused for a while: {} attempts queued",
                    username,
                    clientAddress,
                    user.attempts());
            return Mono.error(
                    Problem.rateLimited(
                            "Too many sign-in attempts; try again in a minute.",
                            Duration.ofMinutes(1)));
        }
        return Mono.delay(max(user.delay(), address.delay()))
                .then(check(username, request.password()))
                .map(account -> signedIn(account, userKey, addressKey))
                .switchIfEmpty(Mono.defer(() -> refused(username, clientAddress, user)));
    }

    /**
     * {@code POST /api/auth/refresh}: a new token for the staff member whose token was just
     * verified (active, of the account's current version), with a fresh expiry and the same
     * version, so a revocation ends it like any other. No password, no throttle: the caller holds a
     * valid token, so the desktop renews mid-shift without asking the agent.
     */
    public Mono<LoginResponse> renew(java.util.UUID accountId) {
        return staff.findById(accountId)
                .filter(StaffAccount::active)
                .map(this::issued)
                .switchIfEmpty(
                        Mono.error(
                                () ->
                                        Problem.unauthorized(
                                                "invalid_token",
                                                "The access token is not valid; sign in again.")));
    }

    /** The active account whose password this is; empty otherwise, after the same effort. */
    private Mono<StaffAccount> check(String username, String password) {
        return staff.findByUsername(username)
                .filter(StaffAccount::active)
                .flatMap(
                        account ->
                                hasher.matches(password, account.passwordHash())
                                        .filter(Boolean::booleanValue)
                                        .map(ok -> account))
                .switchIfEmpty(
                        // unknown user: spend the same effort, so timing does not tell users apart
                        Mono.defer(
                                () ->
                                        dummyHash
                                                .flatMap(hash -> hasher.matches(password, hash))
                                                .then(Mono.empty())));
    }

    private LoginResponse signedIn(StaffAccount account, String userKey, String addressKey) {
        users.succeeded(userKey);
        addresses.forgive(addressKey);
        return issued(account);
    }

    private LoginResponse issued(StaffAccount account) {
        TokenIssuer.Issued issued = tokens.issue(account);
        return new LoginResponse(
                issued.token(),
                "Bearer",
                issued.expiresInSeconds(),
                StaffDirectory.profileOf(account));
    }

    private Mono<LoginResponse> refused(String username, String address, LoginThrottle.Turn user) {
        int failures = user.attempts();
        if (failures == LoginThrottle.USER_SLOW_AFTER + 1 || failures % 10 == 0) {
            // the audit log: someone may be guessing this account's password
            audit.warn(
                    "{} failed sign-ins for '{}' from {} within {} minutes",
                    failures,
                    username,
                    address,
                    LoginThrottle.WINDOW.toMinutes());
        }
        return Mono.error(
                Problem.unauthorized("invalid_credentials", "Wrong username or password."));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
