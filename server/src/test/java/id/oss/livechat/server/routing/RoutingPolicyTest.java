package id.oss.livechat.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.routing.RoutingPolicy.Assignment;
import id.oss.livechat.server.routing.RoutingPolicy.Candidate;
import id.oss.livechat.server.routing.RoutingPolicy.Waiting;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoutingPolicyTest {
    private static final UUID DEPT = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    private static final UUID ANI = id(1);
    private static final UUID BUDI = id(2);
    private static final UUID CITRA = id(3);

    private static UUID id(int n) {
        return UUID.fromString("00000000-0000-0000-0000-00000000000" + n);
    }

    private static Waiting waiting(String name, int priorityRank, int minutesAgo) {
        return new Waiting(
                UUID.nameUUIDFromBytes(name.getBytes()),
                DEPT,
                priorityRank,
                T0.minusSeconds(60L * minutesAgo),
                null);
    }

    @Test
    void theAgentWithFewestChatsGetsTheNextOne() {
        List<Candidate> agents =
                List.of(
                        new Candidate(ANI, 2, 3, T0),
                        new Candidate(BUDI, 0, 3, T0),
                        new Candidate(CITRA, 1, 3, T0));
        assertThat(RoutingPolicy.choose(waiting("a", 2, 1), agents))
                .map(Candidate::agentId)
                .contains(BUDI);
    }

    @Test
    void aTieGoesToTheAgentIdleLongestAndNeverAssignedFirst() {
        List<Candidate> agents =
                List.of(
                        new Candidate(ANI, 1, 3, T0.minusSeconds(60)),
                        new Candidate(BUDI, 1, 3, T0.minusSeconds(600)),
                        new Candidate(CITRA, 1, 3, T0));
        assertThat(RoutingPolicy.choose(waiting("a", 2, 1), agents))
                .map(Candidate::agentId)
                .contains(BUDI);
        List<Candidate> withNewcomer =
                List.of(
                        new Candidate(ANI, 1, 3, T0.minusSeconds(600)),
                        new Candidate(CITRA, 1, 3, null));
        assertThat(RoutingPolicy.choose(waiting("a", 2, 1), withNewcomer))
                .map(Candidate::agentId)
                .contains(CITRA);
    }

    @Test
    void fullAgentsGetNothingAndAFullDepartmentStopsThePlan() {
        List<Candidate> agents =
                List.of(new Candidate(ANI, 3, 3, T0), new Candidate(BUDI, 2, 3, T0));
        List<Assignment> plan =
                RoutingPolicy.plan(
                        List.of(waiting("a", 2, 3), waiting("b", 2, 2), waiting("c", 2, 1)),
                        agents);
        assertThat(plan).containsExactly(new Assignment(waiting("a", 2, 3).sessionId(), BUDI));
    }

    @Test
    void anAgentWithNoSlotsAtAllIsNeverChosen() {
        assertThat(RoutingPolicy.choose(waiting("a", 2, 1), List.of(new Candidate(ANI, 0, 0, T0))))
                .isEmpty();
        assertThat(RoutingPolicy.choose(waiting("a", 2, 1), List.of())).isEmpty();
    }

    @Test
    void urgentBeforeHighBeforeNormalBeforeLowThenOldestFirst() {
        Waiting oldLow = waiting("old-low", 3, 50);
        Waiting newUrgent = waiting("new-urgent", 0, 1);
        Waiting oldNormal = waiting("old-normal", 2, 40);
        Waiting newNormal = waiting("new-normal", 2, 5);
        Waiting high = waiting("high", 1, 2);
        List<Assignment> plan =
                RoutingPolicy.plan(
                        List.of(oldLow, newNormal, high, oldNormal, newUrgent),
                        List.of(new Candidate(ANI, 0, 10, T0)));
        assertThat(plan)
                .extracting(Assignment::sessionId)
                .containsExactly(
                        newUrgent.sessionId(),
                        high.sessionId(),
                        oldNormal.sessionId(),
                        newNormal.sessionId(),
                        oldLow.sessionId());
    }

    @Test
    void thePlanSpreadsChatsAsEachAssignmentAddsLoad() {
        List<Candidate> agents =
                List.of(
                        new Candidate(ANI, 0, 2, T0.minusSeconds(100)),
                        new Candidate(BUDI, 0, 2, T0));
        List<Assignment> plan =
                RoutingPolicy.plan(
                        List.of(
                                waiting("a", 2, 4),
                                waiting("b", 2, 3),
                                waiting("c", 2, 2),
                                waiting("d", 2, 1),
                                waiting("e", 2, 0)),
                        agents);
        assertThat(plan).extracting(Assignment::agentId).containsExactly(ANI, BUDI, ANI, BUDI);
    }

    @Test
    void theAgentWhoLeftItUnansweredGetsItBackOnlyWhenNobodyElseCan() {
        Waiting requeued = new Waiting(UUID.randomUUID(), DEPT, 2, T0, ANI);
        List<Candidate> both =
                List.of(new Candidate(ANI, 0, 3, null), new Candidate(BUDI, 2, 3, T0));
        assertThat(RoutingPolicy.choose(requeued, both)).map(Candidate::agentId).contains(BUDI);
        List<Candidate> onlyAni =
                List.of(new Candidate(ANI, 0, 3, null), new Candidate(BUDI, 3, 3, T0));
        assertThat(RoutingPolicy.choose(requeued, onlyAni)).map(Candidate::agentId).contains(ANI);
    }
}
