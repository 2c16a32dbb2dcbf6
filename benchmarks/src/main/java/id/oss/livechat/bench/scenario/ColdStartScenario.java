package id.oss.livechat.bench.scenario;

import static id.oss.livechat.bench.harness.Report.fmt;

import id.oss.livechat.bench.baseline.MinimalWebFluxApp;
import id.oss.livechat.bench.harness.ChatNode;
import id.oss.livechat.bench.harness.Children;
import id.oss.livechat.bench.harness.ClassDataSharing;
import id.oss.livechat.bench.harness.Progress;
import id.oss.livechat.bench.harness.Stats;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cold start: from spawning the server's JVM to its first accepted WebSocket handshake (against the
 * run's PostgreSQL, already migrated). The baseline is a minimal WebFlux app with one WebSocket
 * route, started the same way with the same flags.
 *
 * <p>Twice: without class data sharing, and with it as the packaged server uses it (its first run
 * writes an archive when it stops; {@code bin/oss-livechat}). Each app gets its own archive from
 * one such start, and both use the same flags and the same classpath of jars.
 */
final class ColdStartScenario implements Scenario {
    private static final String SERVER = "id.oss.livechat.server.LiveChatServer";

    @Override
    public void run(ScenarioContext run) {
        Path dir = run.work.resolve("cold-start");
        String classPath = ClassDataSharing.jarOnly(System.getProperty("java.class.path"), dir);
        App server = new App(SERVER, "/ws/visitor", dir.resolve("server.jsa"));
        App minimal = new App(MinimalWebFluxApp.class.getName(), "/ws", dir.resolve("min.jsa"));

        Pair plain = rounds(run, classPath, server, minimal, false);
        writeArchive(run, classPath, server);
        writeArchive(run, classPath, minimal);
        Pair shared = rounds(run, classPath, server, minimal, true);

        String name = "cold start (process start → first accepted WebSocket)";
        run.report.row(
                name,
                "chat server (external PostgreSQL, migrated)",
                plain.server,
                "minimal WebFlux app (one WebSocket route)",
                plain.minimal,
                "ms");
        run.report.row(
                name + ", both with class data sharing",
                "chat server with its archive",
                shared.server,
                "minimal WebFlux app with its archive",
                shared.minimal,
                "ms");
        run.report.row(
                "what class data sharing saves the server",
                "chat server with its archive",
                shared.server,
                "chat server without",
                plain.server,
                "ms");
        goal(run, "cold start ≤ 1.3× minimal app", plain);
        goal(run, "cold start with class data sharing ≤ 1.3× minimal app with its own", shared);
    }

    private static void goal(ScenarioContext run, String goal, Pair pair) {
        double ratio = pair.server / pair.minimal;
        run.report.goal(
                goal,
                fmt("%.0f ms vs %.0f ms = %.2f×", pair.server, pair.minimal, ratio),
                ratio <= 1.3,
                ratio <= 1.3
                        ? "within the bound"
                        : fmt("missed by %.2f×", ratio - 1.3)
                                + ": the server also starts Spring Security, R2DBC and its pool,"
                                + " Flyway's check of the schema over JDBC, actuator and its own"
                                + " beans (docs/BENCHMARKS-NOTES.md has the start's profile).");
    }

    /** The medians of the rounds, each round one start of the server and one of the minimal app. */
    private static Pair rounds(
            ScenarioContext run, String classPath, App server, App minimal, boolean shared) {
        List<Map<String, Double>> serverMs = new ArrayList<>();
        List<Map<String, Double>> minimalMs = new ArrayList<>();
        for (int round = 0; round < run.mode.coldStarts(); round++) {
            serverMs.add(Map.of("ms", startMillis(run, classPath, server, shared)));
            minimalMs.add(Map.of("ms", startMillis(run, classPath, minimal, shared)));
            Progress.log(
                    "cold start round "
                            + round
                            + (shared ? " (class data sharing)" : "")
                            + ": server "
                            + serverMs.get(round)
                            + ", minimal "
                            + minimalMs.get(round));
        }
        return new Pair(Stats.median(serverMs).get("ms"), Stats.median(minimalMs).get("ms"));
    }

    /**
     * One start to the first socket and a stop, as the packaged server's first run: the archive.
     */
    private static void writeArchive(ScenarioContext run, String classPath, App app) {
        Child child = spawn(run, classPath, app, ClassDataSharing.writing(app.archive));
        try {
            Children.awaitWebSocket(child.socket, child.process, Duration.ofSeconds(120));
        } finally {
            Children.stop(child.process);
        }
        if (!Files.isRegularFile(app.archive)) {
            throw new IllegalStateException("no class data archive written for " + app.mainClass);
        }
        Progress.log("cold start: class data archive of " + app.mainClass + " written");
    }

    /** Milliseconds from spawning the app to its first handshake. */
    private static double startMillis(
            ScenarioContext run, String classPath, App app, boolean shared) {
        long start = System.nanoTime();
        Child child =
                spawn(
                        run,
                        classPath,
                        app,
                        shared ? ClassDataSharing.using(app.archive) : List.of());
        try {
            Children.awaitWebSocket(child.socket, child.process, Duration.ofSeconds(120));
            return (System.nanoTime() - start) / 1e6;
        } finally {
            Children.stop(child.process);
        }
    }

    private static Child spawn(
            ScenarioContext run, String classPath, App app, List<String> extraFlags) {
        int port = Children.freePort();
        List<String> flags = new ArrayList<>(Children.SERVER_JVM_FLAGS);
        flags.addAll(extraFlags);
        Process process =
                Children.javaOnClassPath(
                        run.work.resolve(app.isServer() ? "cold-server.log" : "cold-minimal.log"),
                        ChatNode.environment(run.db, port),
                        flags,
                        classPath,
                        app.mainClass);
        return new Child(process, URI.create("ws://localhost:" + port + app.socketPath));
    }

    private record App(String mainClass, String socketPath, Path archive) {
        boolean isServer() {
            return mainClass.equals(SERVER);
        }
    }

    private record Child(Process process, URI socket) {}

    private record Pair(double server, double minimal) {}
}
