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
 * POST /api/auth/refresh}) without asking the agent, and hands it on (the socket reconnects with
 * it). A server that does not answer is asked again a little later; a refused token (revoked or
 * expired) is left alone: the socket's 4401 takes the agent to the sign-in window and says why.
 */
public final class TokenRenewal {
    private static final double AT_FRACTION_OF_LIFETIME = 0.8;
    private static final Duration NOT_SOONER_THAN = Duration.ofSeconds(1);

    private final StaffApi api;
    private final Background background;
    private final Scheduler scheduler;
    private final Consumer<String> renewed;
    private Scheduler.Cancellable next;
    private boolean stopped;

    /**
     * @param renewed gets each new token, on the UI thread
     */
    public TokenRenewal(
            StaffApi api, Background background, Scheduler scheduler, Consumer<String> renewed) {
        this.api = api;
        this.background = background;
        this.scheduler = scheduler;
        this.renewed = renewed;
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
        if (failure instanceof ApiException refused && refused.status() == 401) {
            // revoked or expired: the socket's 4401 ends the shift with the reason
            return;
        }
        // unreachable for now: try again within the 20 % left
        plan(max(scaled(lifetime, 0.05), NOT_SOONER_THAN), lifetime);
    }

    private static Duration scaled(Duration duration, double fraction) {
        return Duration.ofMillis((long) (duration.toMillis() * fraction));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
