package id.oss.livechat.server.system.profiling;

import id.oss.livechat.server.common.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * What the JVM gives for each {@code /debug/pprof} route (named as Go's profiler names them, which
 * ops tools expect): a thread dump (goroutine), a heap summary (heap), and a Java Flight Recorder
 * recording started and stopped on demand (profile, trace). One recording at a time per node; it
 * stops by itself after its maximum duration.
 */
public class JvmProfiling {
    static final Duration MAX_RECORDING = Duration.ofMinutes(30);

    private Recording recording;

    /** All threads with their full stacks and held locks, as {@code jstack} prints them. */
    public String threadDump() {
        StringBuilder out = new StringBuilder();
        ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(true, true);
        out.append("Thread dump, ")
                .append(Instant.now())
                .append(", ")
                .append(threads.length)
                .append(" threads\n\n");
        for (ThreadInfo thread : threads) {
            out.append('"')
                    .append(thread.getThreadName())
                    .append("\" #")
                    .append(thread.getThreadId())
                    .append(thread.isDaemon() ? " daemon" : "")
                    .append(" ")
                    .append(thread.getThreadState());
            if (thread.getLockName() != null) {
                out.append(" on ").append(thread.getLockName());
            }
            if (thread.getLockOwnerName() != null) {
                out.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
            }
            out.append('\n');
            StackTraceElement[] stack = thread.getStackTrace();
            for (int i = 0; i < stack.length; i++) {
                out.append("\tat ").append(stack[i]).append('\n');
                for (MonitorInfo monitor : thread.getLockedMonitors()) {
                    if (monitor.getLockedStackDepth() == i) {
                        out.append("\t- locked ").append(monitor).append('\n');
                    }
                }
            }
            LockInfo[] synchronizers = thread.getLockedSynchronizers();
            if (synchronizers.length > 0) {
                out.append("\tLocked synchronizers:\n");
                for (LockInfo lock : synchronizers) {
                    out.append("\t- ").append(lock).append('\n');
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Heap and non-heap use, every memory pool, and the collectors' counts and times. */
    public Map<String, Object> heapSummary() {
        Map<String, Object> body = new LinkedHashMap<>();
        var memory = ManagementFactory.getMemoryMXBean();
        body.put("heap", usage(memory.getHeapMemoryUsage()));
        body.put("non_heap", usage(memory.getNonHeapMemoryUsage()));
        Map<String, Object> pools = new LinkedHashMap<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pools.put(pool.getName(), usage(pool.getUsage()));
        }
        body.put("pools", pools);
        Map<String, Object> collectors = new LinkedHashMap<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collectors.put(
                    gc.getName(),
                    Map.of(
                            "collections",
                            gc.getCollectionCount(),
                            "time_ms",
                            gc.getCollectionTime()));
        }
        body.put("collectors", collectors);
        body.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
        body.put("loaded_classes", ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
        body.put("available_processors", Runtime.getRuntime().availableProcessors());
        body.put("uptime_seconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        return body;
    }

    private static Map<String, Object> usage(MemoryUsage usage) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("used_bytes", usage.getUsed());
        body.put("committed_bytes", usage.getCommitted());
        body.put("max_bytes", usage.getMax());
        return body;
    }

    /** Starts a recording with the JDK's "profile" settings; a conflict if one runs. */
    public synchronized Map<String, Object> startRecording(Duration maxDuration) {
        if (recording != null && recording.getState() == jdk.jfr.RecordingState.RUNNING) {
            throw new Problem(
                    Problem.Kind.CONFLICT,
                    "recording_running",
                    "A flight recording is already running; stop it first.");
        }
        Duration max =
                maxDuration == null || maxDuration.isNegative() || maxDuration.isZero()
                        ? MAX_RECORDING
                        : maxDuration.compareTo(MAX_RECORDING) > 0 ? MAX_RECORDING : maxDuration;
        try {
            closeRecording();
            recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setName("oss-livechat");
            recording.setMaxAge(max);
            recording.setDuration(max);
            recording.setToDisk(true);
            recording.start();
        } catch (IOException | java.text.ParseException e) {
            throw new IllegalStateException("Could not start a flight recording", e);
        }
        return Map.of(
                "status",
                "recording",
                "started_at",
                Instant.now().toString(),
                "max_seconds",
                max.toSeconds());
    }

    /**
     * Stops the recording (if it has not stopped by itself) and returns it as a {@code .jfr} file,
     * for JDK Mission Control or {@code jfr print}; not found if none was started.
     */
    public synchronized byte[] stopRecording() {
        if (recording == null) {
            throw new Problem(
                    Problem.Kind.NOT_FOUND,
                    "no_recording",
                    "No flight recording was started on this node.");
        }
        try {
            if (recording.getState() == jdk.jfr.RecordingState.RUNNING) {
                recording.stop();
            }
            Path file = Files.createTempFile("oss-livechat-", ".jfr");
            try {
                recording.dump(file);
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
                closeRecording();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state of this node's recording, for the index. */
    public synchronized String recordingState() {
        return recording == null ? "none" : recording.getState().name().toLowerCase();
    }

    private void closeRecording() {
        if (recording != null) {
            recording.close();
            recording = null;
        }
    }

    static List<String> routes() {
        return List.of(
                "GET /debug/pprof/threads",
                "GET /debug/pprof/heap",
                "POST /debug/pprof/jfr/start",
                "POST /debug/pprof/jfr/stop");
    }
}
