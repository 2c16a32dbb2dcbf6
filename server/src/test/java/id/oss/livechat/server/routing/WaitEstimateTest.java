package id.oss.livechat.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WaitEstimateTest {

    @Test
    void nobodyOnlineMeansNoPromise() {
        assertThat(WaitEstimate.seconds(1, new DepartmentCapacity(0, 0, 0, 300))).isNull();
    }

    @Test
    void onlineAgentsWithNoSlotsPromiseNothingEither() {
        assertThat(WaitEstimate.seconds(1, new DepartmentCapacity(2, 0, 0, 300))).isNull();
    }

    @Test
    void aFreeSlotServesAtOnce() {
        // 2 agents x 3 slots, 4 busy: 2 free, so the first two in line wait nothing
        DepartmentCapacity capacity = new DepartmentCapacity(2, 6, 4, 300);
        assertThat(WaitEstimate.seconds(1, capacity)).isZero();
        assertThat(WaitEstimate.seconds(2, capacity)).isZero();
    }

    @Test
    void pastTheFreeSlotsEachSlotFreesOncePerHandleTime() {
        // all 6 slots busy, chats last 300 s: a slot frees every 50 s on average
        DepartmentCapacity full = new DepartmentCapacity(2, 6, 6, 300);
        assertThat(WaitEstimate.seconds(1, full)).isEqualTo(50);
        assertThat(WaitEstimate.seconds(2, full)).isEqualTo(100);
        assertThat(WaitEstimate.seconds(7, full)).isEqualTo(350);
    }

    @Test
    void theThirdInLineAfterTwoFreeSlotsWaitsForOneSlot() {
        DepartmentCapacity capacity = new DepartmentCapacity(1, 4, 2, 200);
        assertThat(WaitEstimate.seconds(3, capacity)).isEqualTo(50);
    }
}
