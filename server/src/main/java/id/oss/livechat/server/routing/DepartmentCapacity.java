package id.oss.livechat.server.routing;

/**
 * A department's live capacity: its online agents, their chat slots, how many of those are taken,
 * and how long a chat there has lately lasted.
 */
public record DepartmentCapacity(
        int agentsOnline, int slots, int busySlots, double avgHandleSeconds) {
    public int freeSlots() {
        return Math.max(0, slots - busySlots);
    }

    /**
     * The department is closed by its opening hours: its agents may be online, but no slot takes a
     * chat of its queue until it opens.
     */
    public DepartmentCapacity closed() {
        return new DepartmentCapacity(agentsOnline, 0, 0, avgHandleSeconds);
    }
}
