package id.oss.livechat.bench.harness;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Visitors and agents in chats with each other, over real sockets: visitors send on an open-loop
 * schedule, agents receive, and each message's latency is taken from its intended send time
 * (carried in the message text) to its arrival at the agent's socket.
 */
public final class ChatLoad implements MessageLoad, AutoCloseable {
    private static final AtomicLong CLIENT_IDS = new AtomicLong();

    public final Latencies latencies = new Latencies();
    public final AtomicLong delivered = new AtomicLong();
    // the chats some agent's socket was told are assigned to it
    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    private List<WsClient> visitors = List.of();
    private List<ChatNode.Session> sessions = List.of();
    private List<WsClient> agents = List.of();

    private ChatLoad() {}

    /**
     * Agents (online, enough room for every visitor) sign in on {@code agentNode}; visitors start
     * chats, are routed to them, and sign in on {@code visitorNode}.
     */
    public static ChatLoad open(
            Database db,
            ChatNode visitorNode,
            ChatNode agentNode,
            int visitorCount,
            int agentCount) {
        UUID department = db.department();
        int maxChats = visitorCount / agentCount + 5;
        List<Database.Agent> members = db.agents(agentCount, "online", maxChats, department);
        List<String> tokens = members.stream().map(a -> agentNode.login(a.username())).toList();
        ChatLoad load = new ChatLoad();
        CountDownLatch agentsIn = new CountDownLatch(agentCount);
        List<WsClient> agentSockets =
                WsClient.connectAll(
                        agentNode.ws("/ws/agent"),
                        agentCount,
                        16,
                        i -> load.agentHandler(agentsIn),
                        i -> ChatNode.authFrame(tokens.get(i)));
        Waits.await(agentsIn, "agents signed in");
        Progress.log("  " + agentCount + " agents signed in");
        List<ChatNode.Session> sessions = visitorNode.startSessions(department, visitorCount, 8);
        Progress.log("  " + visitorCount + " chats started");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (db.queryLong(
                        "SELECT count(*) FROM chat_sessions WHERE department_id = ? AND status ="
                                + " 'active'",
                        department)
                < visitorCount) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the chats were not all assigned");
            }
            Waits.sleep(100);
        }
        Progress.log("  all assigned");
        CountDownLatch visitorsIn = new CountDownLatch(visitorCount);
        List<WsClient> visitorSockets =
                WsClient.connectAll(
                        visitorNode.ws("/ws/visitor"),
                        visitorCount,
                        32,
                        i -> load.visitorHandler(visitorsIn),
                        i -> ChatNode.authFrame(sessions.get(i).token()));
        Waits.await(visitorsIn, "visitors signed in");
        load.visitors = visitorSockets;
        load.sessions = sessions;
        load.agents = agentSockets;
        return load;
    }

    private Consumer<String> agentHandler(CountDownLatch signedIn) {
        return text -> {
            if (text.contains("\"type\":\"session.updated\"")
                    && text.contains("\"status\":\"active\"")) {
                announced.add(ChatNode.field(text, "session_id"));
            } else if (text.contains("\"type\":\"message.new\"")) {
                long intended = intendedNanos(text);
                if (intended != 0) {
                    latencies.recordSince(intended);
                    delivered.incrementAndGet();
                }
            } else if (text.contains("\"type\":\"auth.ok\"")) {
                signedIn.countDown();
            }
        };
    }

    private Consumer<String> visitorHandler(CountDownLatch signedIn) {
        return text -> {
            if (text.contains("\"type\":\"auth.ok\"")) {
                signedIn.countDown();
            }
        };
    }

    /**
     * How many of the chats were never announced to an agent's socket ({@code session.updated}
     * active): their agent does not follow them, so their messages do not reach it.
     */
    public long unannounced() {
        Waits.sleep(2000);
        List<String> missing =
                sessions.stream()
                        .map(s -> s.id().toString())
                        .filter(id -> !announced.contains(id))
                        .toList();
        if (!missing.isEmpty()) {
            Progress.log(
                    "  chats never announced to an agent: "
                            + missing.subList(0, Math.min(10, missing.size())));
        }
        return missing.size();
    }

    /** The intended send time a message text carries ({@code "text":"b<nanos>"}), or 0. */
    public static long intendedNanos(String frame) {
        int i = frame.indexOf("\"text\":\"b");
        if (i < 0) {
            return 0;
        }
        int start = i + 9;
        int end = frame.indexOf('"', start);
        return Long.parseLong(frame, start, end, 10);
    }

    public static String messageFrame(UUID sessionId, long intendedNanos) {
        return "{\"type\":\"message.send\",\"session_id\":\""
                + sessionId
                + "\",\"client_msg_id\":\"m"
                + CLIENT_IDS.incrementAndGet()
                + "\",\"text\":\"b"
                + intendedNanos
                + "\"}";
    }

    @Override
    public long send(double perSecond, Duration duration) {
        int n = visitors.size();
        return OpenLoop.run(
                perSecond,
                duration,
                (i, intended) -> {
                    int v = (int) (i % n);
                    visitors.get(v).send(messageFrame(sessions.get(v).id(), intended));
                });
    }

    @Override
    public boolean awaitDelivered(long expected, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (delivered.get() < expected) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Waits.sleep(20);
        }
        return true;
    }

    @Override
    public void resetCounts() {
        latencies.reset();
        delivered.set(0);
    }

    @Override
    public Latencies latencies() {
        return latencies;
    }

    @Override
    public long delivered() {
        return delivered.get();
    }

    @Override
    public void close() {
        WsClient.closeAll(visitors);
        WsClient.closeAll(agents);
    }
}
