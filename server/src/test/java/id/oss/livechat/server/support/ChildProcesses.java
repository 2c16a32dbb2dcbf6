package id.oss.livechat.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** Starts JVMs of our own classpath as separate processes: a Kafka broker, server nodes. */
public final class ChildProcesses {
    private ChildProcesses() {}

    static Process java(
            String name,
            Path logFile,
            Map<String, String> environment,
            String heap,
            String mainClass,
            String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC");
        command.add("-Dlogback.configurationFile=" + quietLogback(logFile.getParent()));
        command.add("-cp");
        command.add(classpath());
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(
                    logFile,
                    "---- " + name + " " + String.join(" ", args) + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Surefire puts the whole test classpath in this property; plain runs have java.class.path. */
    public static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank()
                ? surefire
                : System.getProperty("java.class.path");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A logback file that keeps child logs readable: our own code at info, the rest at warn. */
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
                      <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                      <root level="WARN"><appender-ref ref="OUT"/></root>
                    </configuration>
                    """);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Closes the parts side by side and waits for all: each stop is seconds of a process's own
     * shutdown, and none needs to wait for another. Best effort: the processes die with the JVM
     * anyway.
     */
    public static void closeSideBySide(AutoCloseable... parts) {
        CompletableFuture.allOf(
                        Arrays.stream(parts)
                                .filter(Objects::nonNull)
                                .map(part -> CompletableFuture.runAsync(() -> closeQuietly(part)))
                                .toArray(CompletableFuture[]::new))
                .join();
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception ignored) {
            // stopping is best effort; the processes die with the JVM anyway
        }
    }

    static void stop(Process process, boolean kill) {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
