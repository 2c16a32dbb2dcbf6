package id.oss.livechat.bench.harness;

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
        int dbSeconds,
        int searchMessages,
        int soakSeconds,
        int soakStartsPerSecond) {

    public static Mode of(String name) {
        return switch (name) {
            case "quick" ->
                    new Mode(
                            "quick",
                            /* rounds= */ 1,
                            /* visitors= */ 200,
                            /* agents= */ 10,
                            /* latencyRate= */ 100,
                            /* windowSeconds= */ 4,
                            /* warmupSeconds= */ 4,
                            /* idleConnections= */ 1000,
                            /* rampStartRate= */ 600,
                            /* rampMaxRate= */ 3000,
                            /* rampStepSeconds= */ 2,
                            /* waitingChats= */ 50,
                            /* assignmentAgents= */ 10,
                            /* burstChats= */ 100,
                            /* coldStarts= */ 1,
                            /* dbSeconds= */ 4,
                            /* searchMessages= */ 100_000,
                            /* soakSeconds= */ 60,
                            /* soakStartsPerSecond= */ 2);
            case "full" ->
                    new Mode(
                            "full",
                            /* rounds= */ 5,
                            /* visitors= */ 1000,
                            /* agents= */ 50,
                            /* latencyRate= */ 200,
                            /* windowSeconds= */ 8,
                            /* warmupSeconds= */ 10,
                            /* idleConnections= */ 15_000,
                            /* rampStartRate= */ 300,
                            /* rampMaxRate= */ 6000,
                            /* rampStepSeconds= */ 3,
                            /* waitingChats= */ 200,
                            /* assignmentAgents= */ 50,
                            /* burstChats= */ 500,
                            /* coldStarts= */ 5,
                            /* dbSeconds= */ 8,
                            /* searchMessages= */ 1_000_000,
                            /* soakSeconds= */ 900,
                            /* soakStartsPerSecond= */ 4);
            default -> throw new IllegalArgumentException("mode is quick or full, not " + name);
        };
    }
}
