package id.oss.livechat.bench;

/** How big and how long: quick (under two minutes, to try things) or full (the report). */
public record Mode(
        String name,
        int rounds,
        int visitors,
        int agents,
        int latencyRate,
        int windowSeconds,
        int warmupSeconds,
        int idleConnections,
        int rampStartRate,
        int rampMaxRate,
        int rampStepSeconds,
        int waitingChats,
        int assignmentAgents,
        int burstChats,
        int coldStarts,
        int dbSeconds) {

    public static Mode of(String name) {
        return switch (name) {
            case "quick" ->
                    new Mode("quick", 1, 200, 10, 100, 4, 4, 1000, 600, 3000, 2, 50, 10, 100, 1, 4);
            case "full" ->
                    new Mode(
                            "full", 5, 1000, 50, 200, 8, 10, 15_000, 300, 6000, 3, 200, 50, 500, 5,
                            8);
            default -> throw new IllegalArgumentException("mode is quick or full, not " + name);
        };
    }
}
