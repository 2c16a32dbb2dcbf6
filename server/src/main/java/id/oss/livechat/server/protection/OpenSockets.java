package id.oss.livechat.server.protection;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many chat sockets each client address holds open right now, visitor and staff sockets counted
 * apart, each kind up to its own cap. A socket takes a place when its handler starts and gives it
 * back when the handler ends (the client closed, the network dropped, the server closed it), so the
 * count is of sockets open, not of handshakes. Counts live per node, in memory; an address with no
 * socket open is forgotten, so a flood of addresses leaves nothing behind.
 */
public final class OpenSockets {

    /** Which chat socket: {@code /ws/visitor} or {@code /ws/agent}. */
    public enum Kind {
        VISITOR,
        STAFF
    }

    /** A place held by one open socket; giving it back twice frees one place only. */
    public interface Place {
        void release();
    }

    private final Map<Kind, Integer> caps;
    private final Map<Kind, Map<String, Integer>> open =
            Map.of(Kind.VISITOR, new ConcurrentHashMap<>(), Kind.STAFF, new ConcurrentHashMap<>());

    /**
     * @param visitorCap visitor sockets one address may hold open at once
     * @param staffCap staff sockets one address may hold open at once
     */
    public OpenSockets(int visitorCap, int staffCap) {
        if (visitorCap < 1 || staffCap < 1) {
            throw new IllegalArgumentException("a socket cap must be at least 1");
        }
        this.caps = Map.of(Kind.VISITOR, visitorCap, Kind.STAFF, staffCap);
    }

    /**
     * A place for one more socket of {@code kind} from {@code address}, or none: the cap is
     * reached.
     */
    public Optional<Place> tryOpen(Kind kind, String address) {
        int cap = caps.get(kind);
        Map<String, Integer> counts = open.get(kind);
        AtomicBoolean taken = new AtomicBoolean();
        counts.compute(
                address,
                (key, count) -> {
                    int now = count == null ? 0 : count;
                    if (now >= cap) {
                        return count;
                    }
                    taken.set(true);
                    return now + 1;
                });
        if (!taken.get()) {
            return Optional.empty();
        }
        AtomicBoolean released = new AtomicBoolean();
        return Optional.of(
                () -> {
                    if (released.compareAndSet(false, true)) {
                        // the last socket gone: the address is forgotten (null removes it)
                        counts.computeIfPresent(
                                address, (key, count) -> count > 1 ? count - 1 : null);
                    }
                });
    }

    /** The sockets of {@code kind} {@code address} holds open now. */
    public int openFrom(Kind kind, String address) {
        return open.get(kind).getOrDefault(address, 0);
    }

    public int cap(Kind kind) {
        return caps.get(kind);
    }
}
