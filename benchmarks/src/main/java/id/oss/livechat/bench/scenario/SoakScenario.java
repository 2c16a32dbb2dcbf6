package id.oss.livechat.bench.scenario;

import id.oss.livechat.bench.harness.ChatNode;
import id.oss.livechat.bench.harness.Children;
import id.oss.livechat.bench.harness.Database;
import id.oss.livechat.bench.harness.Mode;
import id.oss.livechat.bench.harness.OpenLoop;
import id.oss.livechat.bench.harness.Progress;
import id.oss.livechat.bench.harness.Report;
import id.oss.livechat.bench.harness.Waits;
import id.oss.livechat.bench.harness.WsClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Soak: a help desk's hour compressed into a quarter of it (full mode). Agents stay signed in while
 * visitors keep arriving: each starts a chat, is assigned, connects, says a few things a moment
 * apart, ends the chat and goes. At the end of each quarter the node's live heap after a full GC
 * and its open file handles are read: a server that leaks per chat, per socket or per request grows
 * from the first quarter to the last. Nothing may be lost: every message a visitor's socket had
 * acknowledged reached its agent's socket, and every chat started was ended.
 */
final class SoakScenario implements Scenario {
    private static final int AGENTS = 20;
    private static final int MESSAGES_PER_CHAT = 4;
    private static final long BETWEEN_MESSAGES_MS = 1500;
    private static final String MARK = "\"text\":\"soak ";

    private final Set<String> delivered = ConcurrentHashMap.newKeySet();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    @Override
    public void run(ScenarioContext run) {
        Mode mode = run.mode;
        Duration length = Duration.ofSeconds(mode.soakSeconds());
        ChatNode node = run.node();
        UUID department = run.db.department();
        List<Database.Agent> agents = run.db.agents(AGENTS, "online", 50, department);
        List<String> tokens = agents.stream().map(a -> node.login(a.username())).toList();
        CountDownLatch agentsIn = new CountDownLatch(AGENTS);
        List<WsClient> agentSockets =
                WsClient.connectAll(
                        node.ws("/ws/agent"),
                        AGENTS,
                        8,
                        i -> text -> onAgentFrame(text, agentsIn),
                        i -> ChatNode.authFrame(tokens.get(i)));
        Waits.await(agentsIn, "soak agents signed in");
        Progress.log(
                "  soak: "
                        + length.toSeconds()
                        + " s, "
                        + mode.soakStartsPerSecond()
                        + " new chats a second, "
                        + AGENTS
                        + " agents");

        ScheduledExecutorService visitors = Executors.newScheduledThreadPool(4);
        List<Quarter> quarters = new ArrayList<>();
        try {
            Duration quarter = length.dividedBy(4);
            for (int q = 1; q <= 4; q++) {
                OpenLoop.run(
                        mode.soakStartsPerSecond(),
                        quarter,
                        (i, intended) -> visit(node, department, visitors));
                quarters.add(measure(node, q));
            }
            // the last visitors finish their chats
            visitors.shutdown();
            awaitQuiet(visitors);
            awaitAllDelivered(Duration.ofSeconds(30));
        } finally {
            visitors.shutdownNow();
            WsClient.closeAll(agentSockets);
        }
        long stored =
                run.db.queryLong(
                        "SELECT count(*) FROM chat_messages m JOIN chat_sessions s ON s.id ="
                                + " m.session_id WHERE s.department_id = ? AND m.sender_type ="
                                + " 'visitor'",
                        department);
        long stillOpen =
                run.db.queryLong(
                        "SELECT count(*) FROM chat_sessions WHERE department_id = ? AND status <>"
                                + " 'closed'",
                        department);
        report(run, quarters, stored, stillOpen);
        run.stopNode();
    }

    /** One visitor's whole chat, on the visitors' threads; it never blocks one of them. */
    private void visit(ChatNode node, UUID department, ScheduledExecutorService threads) {
        node.startSession(department)
                .thenAccept(
                        session -> {
                            started.incrementAndGet();
                            WsClient.connect(node.ws("/ws/visitor"), this::onVisitorFrame)
                                    .subscribe(
                                            socket -> talk(node, session, socket, threads),
                                            e -> failed.incrementAndGet());
                        })
                .exceptionally(
                        e -> {
                            failed.incrementAndGet();
                            return null;
                        });
    }

    private void talk(
            ChatNode node,
            ChatNode.Session session,
            WsClient socket,
            ScheduledExecutorService threads) {
        socket.send(ChatNode.authFrame(session.token()));
        for (int m = 1; m <= MESSAGES_PER_CHAT; m++) {
            String frame =
                    "{\"type\":\"message.send\",\"session_id\":\""
                            + session.id()
                            + "\",\"client_msg_id\":\"s"
                            + UUID.randomUUID()
                            + "\",\"text\":\"soak "
                            + session.id()
                            + " "
                            + m
                            + "\"}";
            threads.schedule(
                    () -> socket.send(frame), m * BETWEEN_MESSAGES_MS, TimeUnit.MILLISECONDS);
        }
        threads.schedule(
                () -> end(node, session, socket),
                (MESSAGES_PER_CHAT + 1) * BETWEEN_MESSAGES_MS,
                TimeUnit.MILLISECONDS);
    }

    /** "Akhiri chat", then the tab closes. */
    private void end(ChatNode node, ChatNode.Session session, WsClient socket) {
        ChatNode.post(
                        node.uri("/api/oss-chat/session/" + session.id() + "/close"),
                        "",
                        session.token())
                .whenComplete(
                        (response, e) -> {
                            if (e == null && response.statusCode() == 200) {
                                ended.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                            }
                            socket.close();
                        });
    }

    private void onVisitorFrame(String text) {
        if (text.contains("\"type\":\"message.ack\"")) {
            acknowledged.incrementAndGet();
        }
    }

    private void onAgentFrame(String text, CountDownLatch signedIn) {
        if (text.contains("\"type\":\"message.new\"") && text.contains(MARK)) {
            // a replay after an assignment sends a message again: each counts once
            int at = text.indexOf(MARK) + MARK.length();
            delivered.add(text.substring(at, text.indexOf('"', at)));
        } else if (text.contains("\"type\":\"auth.ok\"")) {
            signedIn.countDown();
        }
    }

    private record Quarter(int number, long heapBytes, long openFiles, long chatsEnded) {}

    private Quarter measure(ChatNode node, int number) {
        long heap = Children.liveHeapByClass(node.pid()).get("(total)");
        long files = openFiles(node.pid());
        Quarter q = new Quarter(number, heap, files, ended.get());
        Progress.log(
                "  soak quarter "
                        + number
                        + ": live heap "
                        + heap / 1024
                        + " KiB, open files "
                        + files
                        + ", chats started "
                        + started.get()
                        + ", ended "
                        + ended.get()
                        + ", messages acknowledged "
                        + acknowledged.get()
                        + ", delivered "
                        + delivered.size()
                        + ", failures "
                        + failed.get());
        return q;
    }

    private static long openFiles(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot count the node's open files", e);
        }
    }

    private void awaitQuiet(ScheduledExecutorService visitors) {
        try {
            if (!visitors.awaitTermination(
                    (MESSAGES_PER_CHAT + 2) * BETWEEN_MESSAGES_MS + 10_000,
                    TimeUnit.MILLISECONDS)) {
                Progress.log("  soak: visitors still busy after their last chat's time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the last closes are answered after the pool ran them
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (ended.get() + failed.get() < started.get() && System.nanoTime() < deadline) {
            Waits.sleep(100);
        }
    }

    private void awaitAllDelivered(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (delivered.size() < acknowledged.get() && System.nanoTime() < deadline) {
            Waits.sleep(100);
        }
    }

    private void report(ScenarioContext run, List<Quarter> quarters, long stored, long stillOpen) {
        Report report = run.report;
        String name =
                Report.fmt(
                        "soak (%d s, %d new chats/s, %d messages each, %d agents)",
                        run.mode.soakSeconds(),
                        run.mode.soakStartsPerSecond(),
                        MESSAGES_PER_CHAT,
                        AGENTS);
        Quarter first = quarters.get(0);
        Quarter last = quarters.get(quarters.size() - 1);
        for (Quarter q : quarters) {
            report.row(
                    name,
                    "live heap after full GC, end of quarter " + q.number(),
                    q.heapBytes() / 1024.0 / 1024.0,
                    "",
                    Double.NaN,
                    "MiB");
            report.row(
                    name,
                    "open file handles, end of quarter " + q.number(),
                    q.openFiles(),
                    "",
                    Double.NaN,
                    "");
        }
        report.row(name, "chats started", started.get(), "", Double.NaN, "");
        report.row(name, "chats ended by their visitors", ended.get(), "", Double.NaN, "");
        report.row(name, "chats still open after the soak", stillOpen, "", Double.NaN, "");
        report.row(
                name, "messages acknowledged to visitors", acknowledged.get(), "", Double.NaN, "");
        report.row(name, "messages stored", stored, "", Double.NaN, "");
        report.row(
                name,
                "messages that reached the agent's socket",
                delivered.size(),
                "",
                Double.NaN,
                "");
        report.row(name, "requests or sockets that failed", failed.get(), "", Double.NaN, "");
        double heapGrowth = (double) last.heapBytes() / first.heapBytes() - 1;
        double filesGrowth = (double) last.openFiles() / first.openFiles() - 1;
        report.goal(
                "soak: live heap after GC flat within 5 % (first quarter → last)",
                Report.fmt(
                        "%.1f → %.1f MiB (%+.1f %%)",
                        first.heapBytes() / 1048576.0,
                        last.heapBytes() / 1048576.0,
                        heapGrowth * 100),
                heapGrowth <= 0.05,
                heapGrowth <= 0.05 ? "flat" : "grew; see the quarters in the figures");
        report.goal(
                "soak: open file handles flat within 5 %",
                Report.fmt(
                        "%d → %d (%+.1f %%)",
                        first.openFiles(), last.openFiles(), filesGrowth * 100),
                filesGrowth <= 0.05,
                filesGrowth <= 0.05 ? "flat" : "grew; see the quarters in the figures");
        boolean nothingLost =
                delivered.size() == acknowledged.get()
                        && stored == acknowledged.get()
                        && stillOpen == 0
                        && failed.get() == 0;
        report.goal(
                "soak: nothing lost",
                Report.fmt(
                        "%d acknowledged, %d stored, %d delivered; %d chats open, %d failures",
                        acknowledged.get(), stored, delivered.size(), stillOpen, failed.get()),
                nothingLost,
                nothingLost
                        ? "every message acknowledged was stored once and delivered"
                        : "see the figures");
    }
}
