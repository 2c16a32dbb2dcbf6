package id.oss.livechat.bench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Socket.IO + PostgreSQL peer ({@code benchmarks/peer/server.js}, on this module's classpath as
 * {@code /peer/}) in its own Node process against the suite's PostgreSQL: copied into the work
 * folder, its locked dependencies installed with {@code npm ci}, started, and awaited until it says
 * it is ready. Node and npm come from the PATH.
 */
public final class PeerServer implements AutoCloseable {
    private static final List<String> FILES =
            List.of("server.js", "package.json", "package-lock.json");

    private final int port;
    private final int workers;
    private final Process process;

    private PeerServer(int port, int workers, Process process) {
        this.port = port;
        this.workers = workers;
        this.process = process;
    }

    /**
     * Installs and starts the peer with {@code workers} processes (1: one Node process; more: a
     * cluster) and {@code poolSize} database connections in all.
     */
    public static PeerServer start(Database db, Path work, int workers, int poolSize) {
        Path dir = work.resolve("peer");
        copySources(dir);
        install(dir, work.resolve("peer-npm.log"));
        int port = Children.freePort();
        Path log = work.resolve("peer.log");
        ProcessBuilder builder =
                new ProcessBuilder("node", "server.js")
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("NODE_ENV", "production");
        env.put("PORT", String.valueOf(port));
        env.put("WORKERS", String.valueOf(workers));
        env.put("DB_POOL_SIZE", String.valueOf(poolSize));
        env.put("PGHOST", "localhost");
        env.put("PGPORT", String.valueOf(db.port()));
        env.put("PGDATABASE", Database.NAME);
        env.put("PGUSER", "postgres");
        env.put("PGPASSWORD", "");
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start node (is Node.js on the PATH?)", e);
        }
        PeerServer peer = new PeerServer(port, workers, process);
        peer.awaitReady(log);
        Progress.log(
                "  peer ready ("
                        + workers
                        + (workers == 1 ? " process" : " workers")
                        + ") in "
                        + (System.nanoTime() - started) / 1_000_000
                        + " ms");
        return peer;
    }

    /** The Node version on the PATH, e.g. {@code v20.20.2}. */
    public static String nodeVersion() {
        return Children.run("node", "--version").trim();
    }

    /** The version package.json pins for {@code dependency}, e.g. 4.8.4 for socket.io. */
    public static String pinned(String dependency) {
        Matcher m =
                Pattern.compile("\"" + Pattern.quote(dependency) + "\"\\s*:\\s*\"([^\"]+)\"")
                        .matcher(resource("package.json"));
        return m.find() ? m.group(1) : "?";
    }

    /** A peer's file as this module ships it ({@code benchmarks/peer/}). */
    public static String resource(String file) {
        try (InputStream in = PeerServer.class.getResourceAsStream("/peer/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no /peer/" + file + " on the classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return SocketIoClient.uri("localhost", port);
    }

    public int workers() {
        return workers;
    }

    /** The peer's processes (the cluster's primary and its workers): their CPU is its CPU. */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        process.descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    private static void copySources(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String file : FILES) {
                try (InputStream in = PeerServer.class.getResourceAsStream("/peer/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("no /peer/" + file + " on the classpath");
                    }
                    Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code npm ci}: exactly the locked dependencies, production ones only. */
    private static void install(Path dir, Path log) {
        long started = System.nanoTime();
        try {
            Process npm =
                    new ProcessBuilder("npm", "ci", "--omit=dev", "--no-audit", "--no-fund")
                            .directory(dir.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                            .start();
            if (!npm.waitFor(5, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci took over 5 minutes; see " + log);
            }
            if (npm.exitValue() != 0) {
                throw new IllegalStateException(
                        "npm ci failed (" + npm.exitValue() + "):\n" + tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run npm (is Node.js on the PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Progress.log(
                "  peer dependencies installed (npm ci) in "
                        + (System.nanoTime() - started) / 1_000_000
                        + " ms");
    }

    /** Waits for the line the peer prints once all its processes listen. */
    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the peer exited; its log ends with:\n" + tail(log));
            }
            if (Files.exists(log) && tail(log).contains("peer ready:")) {
                return;
            }
            Waits.sleep(50);
        }
        throw new IllegalStateException("the peer did not become ready:\n" + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    @Override
    public void close() {
        // the cluster's workers with it
        List<ProcessHandle> workersToo = process.descendants().toList();
        Children.stop(process);
        workersToo.forEach(ProcessHandle::destroy);
    }
}
