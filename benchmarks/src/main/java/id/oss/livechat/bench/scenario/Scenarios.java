package id.oss.livechat.bench.scenario;

import id.oss.livechat.bench.harness.Mode;
import java.util.List;
import java.util.Optional;

/** The scenarios by name, in the order a run takes them. */
public final class Scenarios {
    public static final List<String> NAMES =
            List.of(
                    "latency",
                    "throughput",
                    "peer",
                    "assignment",
                    "idle",
                    "coldstart",
                    "twonode",
                    "search",
                    "soak");

    /**
     * What the quick mode leaves out: the two-node scenario (a Kafka broker and two more JVMs), the
     * peer (Node and npm, and a minute more) and the soak (a quarter of an hour; a quick one with
     * {@code --only=soak}).
     */
    private static final List<String> FULL_ONLY = List.of("peer", "twonode", "soak");

    private Scenarios() {}

    /** What a run without {@code --only} measures. */
    public static List<String> defaults(Mode mode) {
        return mode.name().equals("quick")
                ? NAMES.stream().filter(name -> !FULL_ONLY.contains(name)).toList()
                : NAMES;
    }

    /**
     * The scenario to run for {@code name} in a run of {@code chosen}; empty when another of them
     * measures it already (throughput, inside the latency scenario's pass).
     */
    public static Optional<Scenario> named(String name, List<String> chosen) {
        return switch (name) {
            case "latency" ->
                    Optional.of(
                            new LatencyScenario(
                                    chosen.contains("throughput")
                                            ? Optional.of(new ThroughputScenario())
                                            : Optional.empty()));
            case "throughput" ->
                    chosen.contains("latency")
                            ? Optional.empty()
                            : Optional.of(new ThroughputScenario());
            case "assignment" -> Optional.of(new AssignmentScenario());
            case "idle" -> Optional.of(new IdleScenario());
            case "coldstart" -> Optional.of(new ColdStartScenario());
            case "twonode" -> Optional.of(new TwoNodeScenario());
            case "peer" -> Optional.of(new PeerScenario());
            case "search" -> Optional.of(new SearchScenario());
            case "soak" -> Optional.of(new SoakScenario());
            default -> throw new IllegalArgumentException("no scenario " + name);
        };
    }
}
