package id.oss.livechat.bench.scenario;

import static id.oss.livechat.bench.harness.Report.fmt;

import id.oss.livechat.bench.baseline.MinimalWebFluxApp;
import id.oss.livechat.bench.harness.ChatNode;
import id.oss.livechat.bench.harness.Children;
import id.oss.livechat.bench.harness.Progress;
import id.oss.livechat.bench.harness.Stats;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cold start: from spawning the server's JVM to its first accepted WebSocket handshake (against the
 * run's PostgreSQL, already migrated). The baseline is a minimal WebFlux app with one WebSocket
 * route, started the same way with the same flags.
 */
final class ColdStartScenario implements Scenario {

    @Override
    public void run(ScenarioContext run) {
        List<Map<String, Double>> server = new ArrayList<>();
        List<Map<String, Double>> minimal = new ArrayList<>();
        for (int round = 0; round < run.mode.coldStarts(); round++) {
            server.add(Map.of("ms", startMillis(run, true)));
            minimal.add(Map.of("ms", startMillis(run, false)));
            Progress.log(
                    "cold start round "
                            + round
                            + ": server "
                            + server.get(round)
                            + ", minimal "
                            + minimal.get(round));
        }
        double serverMs = Stats.median(server).get("ms");
        double minimalMs = Stats.median(minimal).get("ms");
        String name = "cold start (process start → first accepted WebSocket)";
        run.report.row(
                name,
                "chat server (external PostgreSQL, migrated)",
                serverMs,
                "minimal WebFlux app (one WebSocket route)",
                minimalMs,
                "ms");
        double ratio = serverMs / minimalMs;
        run.report.goal(
                "cold start ≤ 1.3× minimal app",
                fmt("%.0f ms vs %.0f ms = %.2f×", serverMs, minimalMs, ratio),
                ratio <= 1.3,
                ratio <= 1.3
                        ? "within the bound"
                        : fmt("missed by %.2f×", ratio - 1.3)
                                + ": the server also starts Spring Security, R2DBC and its pool,"
                                + " Flyway's check of the schema over JDBC, actuator and its own"
                                + " beans.");
    }

    /** Milliseconds from spawning the chat server (or the minimal app) to its first handshake. */
    private static double startMillis(ScenarioContext run, boolean chatServer) {
        int port = Children.freePort();
        Map<String, String> env = ChatNode.environment(run.db, port);
        long start = System.nanoTime();
        Process process =
                chatServer
                        ? Children.java(
                                run.work.resolve("cold-server.log"),
                                env,
                                Children.SERVER_JVM_FLAGS,
                                "id.oss.livechat.server.LiveChatServer")
                        : Children.java(
                                run.work.resolve("cold-minimal.log"),
                                env,
                                Children.SERVER_JVM_FLAGS,
                                MinimalWebFluxApp.class.getName());
        try {
            URI uri = URI.create("ws://localhost:" + port + (chatServer ? "/ws/visitor" : "/ws"));
            Children.awaitWebSocket(uri, process, Duration.ofSeconds(120));
            return (System.nanoTime() - start) / 1e6;
        } finally {
            Children.stop(process);
        }
    }
}
