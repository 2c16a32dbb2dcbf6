package id.oss.livechat.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.connection.ApiException;
import id.oss.livechat.desktop.connection.ServerUnreachableException;
import id.oss.livechat.desktop.testing.FakeStaffApi;
import id.oss.livechat.desktop.testing.ManualScheduler;
import id.oss.livechat.desktop.util.Background;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenRenewalTest {
    private final FakeStaffApi api = new FakeStaffApi();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> renewed = new ArrayList<>();
    private int refused;
    private TokenRenewal renewal;

    @BeforeEach
    void setUp() {
        renewal =
                new TokenRenewal(
                        api, Background.sameThread(), scheduler, renewed::add, () -> refused++);
    }

    @Test
    void aTokenIsRenewedAtFourFifthsOfItsLifetimeAndSoIsTheNext() {
        renewal.start(100);
        assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(80));

        scheduler.runOneOffs();

        assertThat(renewed).containsExactly("token-agent1");
        // the renewed token lives 3600 s (DemoData): planned at 80 % of that
        assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(2880));
        assertThat(refused).isZero();
    }

    @Test
    void anUnreachableServerIsAskedAgainAndTheAgentStaysSignedIn() {
        api.renewFailure = new ServerUnreachableException("down", null);
        renewal.start(100);

        scheduler.runOneOffs();
        assertThat(refused).isZero();
        assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(5));
        scheduler.runOneOffs();
        assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(5));

        api.renewFailure = null;
        scheduler.runOneOffs();
        assertThat(renewed).containsExactly("token-agent1");
        assertThat(refused).isZero();
    }

    @Test
    void aLongTokenThatCannotBeRenewedIsTriedAgainWithinHalfAMinute() {
        api.renewFailure = new ApiException(503, "unavailable", "busy");
        renewal.start(86_400);

        scheduler.runOneOffs();

        assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(30));
        assertThat(refused).isZero();
    }

    @Test
    void aRefusedRenewalEndsTheShiftOnceAndTriesNoMore() {
        api.renewFailure = new ApiException(401, "invalid_token", "sign in again");
        renewal.start(100);

        scheduler.runOneOffs();

        assertThat(refused).isEqualTo(1);
        assertThat(renewed).isEmpty();
        assertThat(scheduler.pendingDelays()).isEmpty();
    }
}
