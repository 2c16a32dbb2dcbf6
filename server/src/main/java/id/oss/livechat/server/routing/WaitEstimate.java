package id.oss.livechat.server.routing;

/**
 * An honest expected wait from live capacity. A free slot takes the next session at once; past the
 * free slots, every busy slot frees on average once per handle time, so the department clears
 * {@code slots / handleTime} sessions a second.
 */
public final class WaitEstimate {
    private WaitEstimate() {}

    /**
     * @param position the session's 1-based place in its department's queue
     * @return seconds to wait, or null when nobody is online to serve it
     */
    public static Long seconds(int position, DepartmentCapacity capacity) {
        if (capacity.agentsOnline() == 0 || capacity.slots() == 0) {
            return null;
        }
        int ahead = position - 1;
        if (ahead < capacity.freeSlots()) {
            return 0L;
        }
        int mustFree = ahead - capacity.freeSlots() + 1;
        double seconds = mustFree * capacity.avgHandleSeconds() / capacity.slots();
        return (long) Math.ceil(seconds);
    }
}
