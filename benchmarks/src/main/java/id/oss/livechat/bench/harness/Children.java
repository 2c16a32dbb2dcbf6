package id.oss.livechat.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Child JVMs of this module's classpath (server nodes, baseline servers, a Kafka broker), and what
 * the suite reads off them: CPU time from {@code /proc/<pid>/stat}, live heap after a full GC.
 */
public final class Children {
    /**
     * The same JVM flags for the server and every baseline, so their figures compare. Every full GC
     * compacts the whole heap: by default the serial collector compacts fully only every fourth
     * time and otherwise leaves up to 5 % of the old generation's capacity as dead objects turned
     * into {@code int[]} fillers, which the class histogram counts as live (13 MB, "891 B per
     * socket", in the full idle run; a heap dump showed nothing referring to them). Only full GCs
     * change, not the young collections.
     */
    public static final List<String> SERVER_JVM_FLAGS =
            List.of(
                    "-Xmx1g",
                    "-XX:+UseSerialGC",
                    "-XX:MarkSweepAlwaysCompactCount=1",
                    "-Dio.netty.leakDetection.level=disabled");

    private static final long CLOCK_TICKS_PER_SECOND = clockTicks();

    private Children() {}

    public static Process java(
            Path logFile,
            Map<String, String> environment,
            List<String> jvmFlags,
            String mainClass,
            String... args) {
        return javaOnClassPath(
                logFile,
                environment,
                jvmFlags,
                System.getProperty("java.class.path"),
                mainClass,
                args);
    }

    /** A child JVM on the given classpath (the cold starts use one of jar files only). */
    public static Process javaOnClassPath(
            Path logFile,
            Map<String, String> environment,
            List<String> jvmFlags,
            String classPath,
            String mainClass,
            String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-Dlogback.configurationFile=" + quietLogback(logFile.getParent()));
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logFile.getParent());
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + mainClass, e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until the child process accepts a WebSocket handshake at {@code uri}, trying every 10
     * ms (the cold-start scenario times exactly this).
     */
    public static void awaitWebSocket(URI uri, Process process, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the process exited before accepting " + uri);
            }
            try {
                WsClient client = WsClient.connect(uri, text -> {}).block(Duration.ofSeconds(5));
                if (client != null) {
                    client.close();
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Waits.sleep(10);
        }
        throw new IllegalStateException("no WebSocket accepted at " + uri);
    }

    /** User plus system CPU time the process has used so far, in nanoseconds. */
    public static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // the command name (field 2) may hold spaces; count fields after its closing paren
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1_000_000_000L / CLOCK_TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Live bytes by class after a full GC ({@code jcmd GC.class_histogram}); the key {@code
     * "(total)"} holds the sum.
     */
    public static Map<String, Long> liveHeapByClass(long pid) {
        Map<String, Long> bytes = new HashMap<>();
        String out = run("jcmd", String.valueOf(pid), "GC.class_histogram");
        for (String line : out.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[0].endsWith(":")) {
                bytes.merge(parts[3], Long.parseLong(parts[2]), Long::sum);
            } else if (parts.length >= 3 && parts[0].equals("Total")) {
                bytes.put("(total)", Long.parseLong(parts[2]));
            }
        }
        if (!bytes.containsKey("(total)")) {
            throw new IllegalStateException("no total in jcmd's class histogram: " + out);
        }
        return bytes;
    }

    /** The classes whose live bytes grew most between two histograms, per {@code count}. */
    public static String topGrowth(
            Map<String, Long> before, Map<String, Long> after, int count, int top) {
        return after.entrySet().stream()
                .filter(e -> !e.getKey().equals("(total)"))
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .map(
                        e ->
                                String.format(
                                        Locale.ROOT,
                                        "`%s` %,d B",
                                        e.getKey(),
                                        e.getValue() / count))
                .collect(Collectors.joining(", "));
    }

    public static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            process.waitFor(120, TimeUnit.SECONDS);
            return new String(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long clockTicks() {
        try {
            String out = run("getconf", "CLK_TCK").trim();
            return Long.parseLong(out);
        } catch (RuntimeException e) {
            return 100;
        }
    }

    private static Path quietLogback(Path dir) {
        Path file = dir.resolve("child-logback.xml");
        try {
            Files.createDirectories(dir);
            Files.writeString(
                    file,
                    """
                    <configuration>
                      <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n</pattern></encoder>
                      </appender>
                      <logger name="id.oss.livechat" level="INFO"/>
                      <root level="WARN"><appender-ref ref="OUT"/></root>
                    </configuration>
                    """);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
