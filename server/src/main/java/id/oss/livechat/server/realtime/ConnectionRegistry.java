package id.oss.livechat.server.realtime;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;

/** The sockets this node holds, found by session (visitors) and by staff member. */
public class ConnectionRegistry {
    private final Map<UUID, Set<ClientConnection>> visitorsBySession = new ConcurrentHashMap<>();
    private final Map<UUID, Set<ClientConnection>> staffByMember = new ConcurrentHashMap<>();
    // staff sockets by the sessions they follow: each message finds its staff without looking
    // through every staff socket of the node
    private final Map<UUID, Set<ClientConnection>> staffBySession = new ConcurrentHashMap<>();
    private final ClientConnection.Following staffFollows =
            new ClientConnection.Following() {
                @Override
                public void started(UUID sessionId, ClientConnection connection) {
                    addTo(staffBySession, sessionId, connection);
                    if (!all.contains(connection)) {
                        removeFrom(staffBySession, sessionId, connection); // gone meanwhile
                    }
                }

                @Override
                public void stopped(UUID sessionId, ClientConnection connection) {
                    removeFrom(staffBySession, sessionId, connection);
                }
            };
    private final Set<ClientConnection> overseers = ConcurrentHashMap.newKeySet();
    private final Set<ClientConnection> all = ConcurrentHashMap.newKeySet();
    private volatile boolean shuttingDown;
    // frames being handled right now (a message being stored, a read mark being written)
    private final AtomicInteger inFlight = new AtomicInteger();

    /** From now on the node takes no new sockets: it is going away. */
    public void shutDown() {
        shuttingDown = true;
    }

    /**
     * The node takes sockets (again): a stopped node can be started once more (Spring's {@code
     * Lifecycle} contract; a paused or restarted context does exactly that).
     */
    public void open() {
        shuttingDown = false;
    }

    public boolean isShuttingDown() {
        return shuttingDown;
    }

    /** Counts the work while it runs, so a stopping node can let it finish ({@link #inFlight}). */
    public <T> Mono<T> tracked(Mono<T> work) {
        return Mono.defer(
                () -> {
                    inFlight.incrementAndGet();
                    return work.doFinally(signal -> inFlight.decrementAndGet());
                });
    }

    /** How many frames are being handled at this moment. */
    public int inFlight() {
        return inFlight.get();
    }

    public void add(ClientConnection connection) {
        all.add(connection);
        if (connection.principal() instanceof Principal.Visitor visitor) {
            addTo(visitorsBySession, visitor.sessionId(), connection);
        } else if (connection.principal() instanceof Principal.StaffMember member) {
            addTo(staffByMember, member.staff().id(), connection);
            connection.following(staffFollows);
            connection.attachedSessions().forEach(s -> staffFollows.started(s, connection));
            if (member.staff().overseesAllChats()) {
                overseers.add(connection);
            }
        }
    }

    public void remove(ClientConnection connection) {
        all.remove(connection);
        overseers.remove(connection);
        if (connection.principal() instanceof Principal.Visitor visitor) {
            removeFrom(visitorsBySession, visitor.sessionId(), connection);
        } else if (connection.principal() instanceof Principal.StaffMember member) {
            removeFrom(staffByMember, member.staff().id(), connection);
            connection.following(ClientConnection.Following.NOBODY);
            connection.attachedSessions().forEach(s -> removeFrom(staffBySession, s, connection));
        }
    }

    /**
     * Adds to an index entry. Entries are immutable sets replaced whole (atomically, per key): a
     * session has one visitor socket or two, and a concurrent set each (a map, its table and a
     * wrapper) was about 200 bytes of every idle socket. Readers iterate a snapshot.
     */
    private static void addTo(
            Map<UUID, Set<ClientConnection>> index, UUID key, ClientConnection connection) {
        index.compute(key, (k, set) -> set == null ? Set.of(connection) : with(set, connection));
    }

    private static void removeFrom(
            Map<UUID, Set<ClientConnection>> index, UUID key, ClientConnection connection) {
        index.computeIfPresent(key, (k, set) -> without(set, connection));
    }

    private static Set<ClientConnection> with(
            Set<ClientConnection> set, ClientConnection connection) {
        if (set.contains(connection)) {
            return set;
        }
        Set<ClientConnection> more = new HashSet<>(set);
        more.add(connection);
        return Set.copyOf(more);
    }

    /** The set without the connection, or null (the key is dropped) when none is left. */
    private static Set<ClientConnection> without(
            Set<ClientConnection> set, ClientConnection connection) {
        if (!set.contains(connection)) {
            return set;
        }
        Set<ClientConnection> fewer = new HashSet<>(set);
        fewer.remove(connection);
        return fewer.isEmpty() ? null : Set.copyOf(fewer);
    }

    public Collection<ClientConnection> visitorsOf(UUID sessionId) {
        return visitorsBySession.getOrDefault(sessionId, Set.of());
    }

    public Collection<ClientConnection> staffMember(UUID staffId) {
        return staffByMember.getOrDefault(staffId, Set.of());
    }

    public Collection<ClientConnection> overseers() {
        return overseers;
    }

    /** Staff sockets following a session: its agents' (via their cursors) and every overseer's. */
    public Stream<ClientConnection> staffFollowing(UUID sessionId) {
        Set<ClientConnection> following = staffBySession.getOrDefault(sessionId, Set.of());
        if (overseers.isEmpty()) {
            return following.stream();
        }
        return Stream.concat(following.stream(), overseers.stream()).distinct();
    }

    public Stream<ClientConnection> allStaff() {
        return staffByMember.values().stream().flatMap(Set::stream);
    }

    /** Sessions whose visitors have a socket on this node. */
    public List<UUID> sessionsWithVisitors() {
        return List.copyOf(visitorsBySession.keySet());
    }

    public Collection<ClientConnection> all() {
        return all;
    }

    public int size() {
        return all.size();
    }
}
