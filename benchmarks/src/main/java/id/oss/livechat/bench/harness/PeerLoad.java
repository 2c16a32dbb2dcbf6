package id.oss.livechat.bench.harness;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chat load of {@link ChatLoad}, against the Socket.IO peer: the same numbers of visitors and
 * agents, each visitor in a chat with one agent (round-robin, as routing spreads them), the same
 * open-loop sends carrying their intended time, timed to their arrival at the agent's socket. The
 * chats are written straight into the peer's tables; the sockets then sign in with their tokens.
 */
public final class PeerLoad implements MessageLoad, AutoCloseable {
    private static final AtomicLong CLIENT_IDS = new AtomicLong();

    private final Latencies latencies = new Latencies();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private List<SocketIoClient> visitors = List.of();
    private List<SocketIoClient> agents = List.of();
    private List<UUID> sessions = List.of();

    private PeerLoad() {}

    /** A chat of the peer: its visitor's session and token, and its agent. */
    private record Chat(UUID session, String token, int agent) {}

    public static PeerLoad open(Database db, URI peer, int visitorCount, int agentCount) {
        List<UUID> agentIds = new ArrayList<>();
        List<String> agentTokens = new ArrayList<>();
        for (int i = 0; i < agentCount; i++) {
            agentIds.add(UUID.randomUUID());
            agentTokens.add(UUID.randomUUID().toString());
        }
        List<Chat> chats = new ArrayList<>();
        for (int i = 0; i < visitorCount; i++) {
            chats.add(new Chat(UUID.randomUUID(), UUID.randomUUID().toString(), i % agentCount));
        }
        insert(db, agentIds, agentTokens, chats);
        PeerLoad load = new PeerLoad();
        load.agents =
                SocketIoClient.connectAll(
                        peer,
                        agentCount,
                        16,
                        i ->
                                "{\"role\":\"agent\",\"agent_id\":\""
                                        + agentIds.get(i)
                                        + "\",\"token\":\""
                                        + agentTokens.get(i)
                                        + "\"}",
                        i -> load::agentPacket);
        Progress.log("  " + agentCount + " agents signed in to the peer");
        load.visitors =
                SocketIoClient.connectAll(
                        peer,
                        visitorCount,
                        32,
                        i ->
                                "{\"role\":\"visitor\",\"session_id\":\""
                                        + chats.get(i).session()
                                        + "\",\"token\":\""
                                        + chats.get(i).token()
                                        + "\"}",
                        i -> load::visitorPacket);
        load.sessions = chats.stream().map(Chat::session).toList();
        Progress.log("  " + visitorCount + " visitors signed in to the peer");
        return load;
    }

    private static void insert(
            Database db, List<UUID> agentIds, List<String> agentTokens, List<Chat> chats) {
        try (Connection c = db.connect();
                PreparedStatement agent =
                        c.prepareStatement("INSERT INTO peer_agents (id, token) VALUES (?, ?)");
                PreparedStatement session =
                        c.prepareStatement(
                                "INSERT INTO peer_sessions (id, visitor_token, agent_id, status)"
                                        + " VALUES (?, ?, ?, 'active')")) {
            for (int i = 0; i < agentIds.size(); i++) {
                agent.setObject(1, agentIds.get(i));
                agent.setString(2, agentTokens.get(i));
                agent.addBatch();
            }
            agent.executeBatch();
            for (Chat chat : chats) {
                session.setObject(1, chat.session());
                session.setString(2, chat.token());
                session.setObject(3, agentIds.get(chat.agent()));
                session.addBatch();
            }
            session.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the peer's chats", e);
        }
    }

    private void agentPacket(String packet) {
        if (packet.startsWith("42[\"message.new\"")) {
            long intended = ChatLoad.intendedNanos(packet);
            if (intended != 0) {
                latencies.recordSince(intended);
                delivered.incrementAndGet();
            }
        }
    }

    /** A visitor's acknowledgements: an error in one means the message was not stored. */
    private void visitorPacket(String packet) {
        if (!packet.startsWith("43")) {
            return;
        }
        if (!packet.contains("\"error\"")) {
            acknowledged.incrementAndGet();
        } else if (refused.incrementAndGet() <= 5) {
            Progress.log("  the peer refused a message: " + packet);
        }
    }

    /** The {@code message.send} event's argument, the chat server's frame without its type. */
    public static String message(UUID sessionId, long intendedNanos) {
        return "{\"session_id\":\""
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
        long count =
                OpenLoop.run(
                        perSecond,
                        duration,
                        (i, intended) -> {
                            int v = (int) (i % n);
                            visitors.get(v)
                                    .emitWithAck(
                                            "message.send", message(sessions.get(v), intended));
                        });
        sent.addAndGet(count);
        return count;
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

    /** Messages the peer acknowledged with an error (not stored), over the whole load. */
    public long refused() {
        return refused.get();
    }

    /**
     * What the whole load sent and what the peer did with it, read once the sockets are quiet:
     * messages sent, acknowledged as stored, rows in {@code peer_messages}, and the sessions' last
     * numbers added up (equal to the rows when every session is numbered without gaps).
     */
    public record Stored(long sent, long acknowledged, long rows, long lastSeqs) {}

    public Stored stored(Database db) {
        try (Connection c = db.connect();
                PreparedStatement count =
                        c.prepareStatement(
                                "SELECT (SELECT count(*) FROM peer_messages WHERE session_id = ANY"
                                        + " (?)), (SELECT coalesce(sum(last_seq), 0) FROM"
                                        + " peer_sessions WHERE id = ANY (?))")) {
            java.sql.Array ids = c.createArrayOf("uuid", sessions.toArray());
            count.setArray(1, ids);
            count.setArray(2, ids);
            try (java.sql.ResultSet row = count.executeQuery()) {
                row.next();
                return new Stored(sent.get(), acknowledged.get(), row.getLong(1), row.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the peer's messages", e);
        }
    }

    @Override
    public void close() {
        SocketIoClient.closeAll(visitors);
        SocketIoClient.closeAll(agents);
    }
}
