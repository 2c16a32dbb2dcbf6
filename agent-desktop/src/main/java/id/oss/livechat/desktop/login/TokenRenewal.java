package id.oss.livechat.desktop.login;

import id.oss.livechat.desktop.connection.ApiException;
import id.oss.livechat.desktop.connection.StaffApi;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.desktop.util.Scheduler;
import id.oss.livechat.model.staff.LoginResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Keeps a shift signed in: at 80 % of the token's lifetime it asks the server for a new one ({@code
 * POST /api/auth/refresh}) without asking the agent, and hands it on (REST calls carry it, the
 * socket is renewed in place). A server that cannot be reached is asked again a little later,
 * without signing the agent out; a refused token (401: revoked or expired) ends the shift, and the
 * sign-in window says so.
 */
public final class TokenRenewal {
    private static final double AT_FRACTION_OF_LIFETIME = 0.8;
    private static final Duration NOT_SOONER_THAN = Duration.ofSeconds(1);
    // an unreachable server is asked again this often at most, so a short outage costs little
    private static final Duration RETRY_AT_MOST_EVERY = Duration.ofSeconds(30);

    /** Why the shift ended when the server refused to renew: for the sign-in window's text. */
    public static final String REFUSED = "renewal_refused";

    private final StaffApi api;
    private final Background background;
    private final Scheduler scheduler;
    private final Consumer<String> renewed;
    private final Runnable refused;
    private Scheduler.Cancellable next;
    private boolean stopped;

    /**
     * @param renewed gets each new token, on the UI thread
     * @param refused told on the UI thread when the server refuses to renew (401); nothing more is
     *     renewed then
     */
    public TokenRenewal(
            StaffApi api,
            Background background,
            Scheduler scheduler,
            Consumer<String> renewed,
            Runnable refused) {
        this.api = api;
        this.background = background;
        this.scheduler = scheduler;
        this.renewed = renewed;
        this.refused = refused;
    }

    /** Plans the first renewal for a token that lives {@code expiresInSeconds} from now. */
    public void start(long expiresInSeconds) {
        stopped = false;
        planFor(expiresInSeconds);
    }

    /** Sign-out or a refused token: nothing more to renew. */
    public void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    private void planFor(long lifetimeSeconds) {
        Duration lifetime = Duration.ofSeconds(Math.max(lifetimeSeconds, 1));
        plan(max(scaled(lifetime, AT_FRACTION_OF_LIFETIME), NOT_SOONER_THAN), lifetime);
    }

    private void plan(Duration delay, Duration lifetime) {
        if (stopped) {
            return;
        }
        next = scheduler.schedule(delay, () -> renew(lifetime));
    }

    private void renew(Duration lifetime) {
        if (stopped) {
            return;
        }
        background.run(api::renewToken, this::done, failure -> failed(failure, lifetime));
    }

    private void done(LoginResponse response) {
        if (stopped) {
            return;
        }
        renewed.accept(response.accessToken());
        planFor(response.expiresIn());
    }

    private void failed(Throwable failure, Duration lifetime) {
        if (stopped) {
            return;
        }
        if (failure instanceof ApiException answer && answer.status() == 401) {
            // revoked or expired: no later try can succeed
            stop();
            refused.run();
            return;
        }
        // unreachable (or a passing server error) for now: try again within the 20 % left, and
        // later still: the agent stays signed in as long as the token may yet be renewed
        plan(max(min(scaled(lifetime, 0.05), RETRY_AT_MOST_EVERY), NOT_SOONER_THAN), lifetime);
    }

    private static Duration scaled(Duration duration, double fraction) {
        return Duration.ofMillis((long) (duration.toMillis() * fraction));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
