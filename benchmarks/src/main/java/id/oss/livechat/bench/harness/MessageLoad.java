package id.oss.livechat.bench.harness;

import java.time.Duration;

/**
 * Visitors sending to agents over real sockets, as {@link LoadRounds} measures it: the chat
 * server's load ({@link ChatLoad}) or the Socket.IO peer's ({@link PeerLoad}). Each message is
 * timed from its intended send (open loop) to its arrival at the agent's socket.
 */
public interface MessageLoad {
    /** Visitors send {@code perSecond} messages in all, round-robin, for {@code duration}. */
    long send(double perSecond, Duration duration);

    /** Waits until {@code expected} messages have arrived at agents, or {@code max} passed. */
    boolean awaitDelivered(long expected, Duration max);

    void resetCounts();

    /** Each delivered message's latency since its intended send. */
    Latencies latencies();

    /** Messages arrived at agents since the last {@link #resetCounts()}. */
    long delivered();
}
